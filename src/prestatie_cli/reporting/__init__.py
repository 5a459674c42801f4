"""Presentation of results: one registry of output formats per kind of result.

``check_formats.CHECK_FORMATS``, ``status_formats.STATUS_FORMATS``,
``diff_formats.DIFF_FORMATS``, ``log_formats.LOG_FORMATS``,
``report_formats.REPORT_FORMATS``, ``export_formats.EXPORT_FORMATS`` and
``rules_formats.RULES_FORMATS`` are keyed by the name ``--format`` takes; the
command line offers exactly their keys.
"""
