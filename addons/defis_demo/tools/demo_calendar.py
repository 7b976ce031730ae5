"""Days of the demo's sittings: working days, French public holidays
excepted (computed by the ``holidays`` library)."""
from datetime import timedelta

import holidays

_FRENCH_HOLIDAYS = holidays.France()


def is_working_day(day):
    """Monday to Friday, and not a French public holiday."""
    return day.weekday() < 5 and day not in _FRENCH_HOLIDAYS


def next_working_day(day):
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def sitting_days(start, count, weekly=True):
    """``count`` working days from ``start``: one a week (a day on a
    holiday moves to the next working day), or on consecutive working days."""
    days = []
    day = next_working_day(start)
    while len(days) < count:
        days.append(day)
        candidate = (days[-1] if not weekly else start + timedelta(days=7 * len(days)))
        day = next_working_day(candidate + timedelta(days=0 if weekly else 1))
        if weekly and day <= days[-1]:
            day = next_working_day(days[-1] + timedelta(days=1))
    return days
