"""Dates as the suite writes them for people: « lundi 1er janvier 2018 »."""
import babel.dates

LONG_DATE = "EEEE d MMMM y"
# French writes the first day of a month as an ordinal: « 1er janvier »
LONG_FIRST_OF_MONTH_FR = "EEEE '1er' MMMM y"


def format_long_date(value, locale="fr_FR"):
    """``value`` (a ``date``) with the day of the week, in ``locale``."""
    locale = locale or "fr_FR"
    pattern = (LONG_FIRST_OF_MONTH_FR if value.day == 1 and locale.startswith("fr")
               else LONG_DATE)
    return babel.dates.format_date(value, pattern, locale=locale)
