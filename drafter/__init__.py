"""drafter: an offline plan-drafting assistant for education-bureau 工作要点."""

__version__ = "0.1.0"
