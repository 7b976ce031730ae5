"""Phone numbers: parsed and validated with ``phonenumbers``, stored in E.164,
shown in national format for the default country and international otherwise."""
import re

import phonenumbers

DEFAULT_REGION = "FR"
_NOT_DIGIT = re.compile(r"[^\d]")


class InvalidPhone(ValueError):
    """The text is not a valid phone number."""


def parse_phone(text, region=None):
    """Return the ``PhoneNumber`` of ``text`` or raise ``InvalidPhone``."""
    try:
        number = phonenumbers.parse(text, (region or DEFAULT_REGION).upper())
    except phonenumbers.NumberParseException as error:
        raise InvalidPhone(str(error))
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhone(text)
    return number


def to_e164(text, region=None):
    """Normalise ``text`` to E.164 (``+33297123456``); empty stays empty."""
    if not text or not text.strip():
        return False
    return phonenumbers.format_number(
        parse_phone(text, region), phonenumbers.PhoneNumberFormat.E164)


def to_display(stored, region=None):
    """E.164 to what a person reads: national format for numbers of the
    default country (``02 97 12 34 56``), international otherwise."""
    if not stored:
        return False
    try:
        number = phonenumbers.parse(stored, (region or DEFAULT_REGION).upper())
    except phonenumbers.NumberParseException:
        return stored
    same_country = (phonenumbers.region_code_for_number(number)
                    == (region or DEFAULT_REGION).upper())
    style = (phonenumbers.PhoneNumberFormat.NATIONAL if same_country
             else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, style)


def search_digits(text, region=None):
    """The digits to look for in stored E.164 numbers when a user types
    ``text`` in any format, whole or partial: ``02 97 12`` -> ``33297 12``."""
    digits = _NOT_DIGIT.sub("", text or "")
    if not digits:
        return ""
    if text.strip().startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0"):
        country_code = phonenumbers.country_code_for_region(
            (region or DEFAULT_REGION).upper())
        return "%d%s" % (country_code, digits[1:])
    return digits
