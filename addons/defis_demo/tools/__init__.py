from . import demo_calendar
