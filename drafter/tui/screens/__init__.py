"""Screens: the main editing screen and the help screen."""
