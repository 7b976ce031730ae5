"""Opening hours in the OpenStreetMap ``opening_hours`` syntax, the subset the
national standard of digital-inclusion places uses (what YoHours writes for a
weekly timetable):

    Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off
    24/7

Rules are separated by ``;``. A rule is an optional day selector (days ``Mo``
to ``Su``, ranges ``Mo-Fr``, lists ``Mo,We``, ``PH`` public holidays, ``SH``
school holidays) followed by time ranges ``HH:MM-HH:MM`` separated by commas,
or by ``off`` / ``closed``. ``check`` raises ``InvalidOpeningHours`` with the
kind of mistake and the fragment at fault; the caller words the message."""
import re

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
HOLIDAYS = ("PH", "SH")
CLOSED = ("off", "closed")
ALWAYS = "24/7"
_TIME_RANGE = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")

# kinds of mistakes
EMPTY_RULE = "empty_rule"
UNKNOWN_DAY = "unknown_day"
BAD_TIME = "bad_time"
TIME_ORDER = "time_order"
MISSING_TIMES = "missing_times"


class InvalidOpeningHours(ValueError):
    """``kind`` is one of the mistakes above, ``fragment`` the text at fault."""

    def __init__(self, kind, fragment):
        super().__init__(kind, fragment)
        self.kind = kind
        self.fragment = fragment


def check(text):
    """Return ``text`` stripped when it is valid; raise otherwise."""
    text = (text or "").strip()
    if text == ALWAYS:
        return text
    for rule in text.split(";"):
        _check_rule(rule.strip())
    return text


def rules(text):
    """The rules of the valid ``text``, in order: (days, ranges) pairs.
    ``days`` are the selector's items (``Mo-Fr``, ``Sa``, ``PH``; empty for
    every day), ``ranges`` the (start, end) "HH:MM" pairs (empty: closed)."""
    text = check(text)
    if text == ALWAYS:
        return [((), (("00:00", "24:00"),))]
    result = []
    for rule in text.split(";"):
        selector, times = _split_rule(rule.strip())
        ranges = () if times in CLOSED else tuple(
            tuple(time_range.split("-")) for time_range in times.split(","))
        result.append((tuple(item for item in selector.split(",") if item), ranges))
    return result


def _split_rule(rule):
    """The day selector and the times of a rule (spaces between times removed)."""
    selector, _space, times = rule.partition(" ")
    if selector[:1].isdigit():
        selector, times = "", rule
    return selector, times.replace(" ", "")


def _check_rule(rule):
    if not rule:
        raise InvalidOpeningHours(EMPTY_RULE, rule)
    selector, times = _split_rule(rule)
    if selector:
        _check_selector(selector)
    if not times:
        raise InvalidOpeningHours(MISSING_TIMES, rule)
    if times in CLOSED:
        return
    for time_range in times.split(","):
        _check_time_range(time_range)


def _check_selector(selector):
    for item in selector.split(","):
        if item in HOLIDAYS:
            continue
        for day in item.split("-") if item.count("-") == 1 else [item]:
            if day not in DAYS:
                raise InvalidOpeningHours(UNKNOWN_DAY, day or selector)


def _check_time_range(time_range):
    match = _TIME_RANGE.match(time_range)
    if not match:
        raise InvalidOpeningHours(BAD_TIME, time_range)
    start_h, start_m, end_h, end_m = (int(part) for part in match.groups())
    start, end = start_h * 60 + start_m, end_h * 60 + end_m
    if start_h > 23 or start_m > 59 or end_m > 59 or end > 24 * 60:
        raise InvalidOpeningHours(BAD_TIME, time_range)
    if end <= start:
        raise InvalidOpeningHours(TIME_ORDER, time_range)
