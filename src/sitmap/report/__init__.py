"""Situation report: one self-contained HTML brief over a country and a period."""

from sitmap.report.render import render_report, report_command

__all__ = ["render_report", "report_command"]
