"""Phone numbers: parsed and validated with ``phonenumbers``, normalised to
E.164 (an extension kept as RFC 3966's ``;ext=``), shown in national format
for the default country and international otherwise."""
import re

import phonenumbers

DEFAULT_REGION = "FR"
EXTENSION_SEPARATOR = ";ext="
_NOT_DIGIT = re.compile(r"[^\d]")
# "poste 34", "p. 34": how French people write an extension
_FRENCH_EXTENSION = re.compile(r"\s*(?:poste|p\.)\s*(\d+)\s*$", re.IGNORECASE)


class InvalidPhone(ValueError):
    """The text is not a valid phone number."""


def _region(region):
    return (region or DEFAULT_REGION).upper()


def parse_phone(text, region=None):
    """Return the ``PhoneNumber`` of ``text`` or raise ``InvalidPhone``."""
    text = _FRENCH_EXTENSION.sub(r" ext. \1", text or "")
    try:
        number = phonenumbers.parse(text, _region(region))
    except phonenumbers.NumberParseException as error:
        raise InvalidPhone(str(error))
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhone(text)
    return number


def _e164(number):
    text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.extension:
        text += EXTENSION_SEPARATOR + number.extension
    return text


def to_e164(text, region=None):
    """Normalise ``text`` to E.164 (``+33297123456``, ``+33297123456;ext=34``
    with an extension); empty stays empty; ``InvalidPhone`` otherwise."""
    if not text or not text.strip():
        return False
    return _e164(parse_phone(text, region))


def normalized(text, region=None):
    """E.164 of ``text``, or False when it is empty or does not parse."""
    try:
        return to_e164(text, region)
    except InvalidPhone:
        return False


def to_display(stored, region=None, extension_label="ext."):
    """A number as a person reads it: national format for numbers of the
    default country (``02 97 12 34 56``), international otherwise; a text
    that does not parse is shown as it is."""
    if not stored:
        return False
    try:
        number = parse_phone(stored, region)
    except InvalidPhone:
        return stored
    same_country = phonenumbers.region_code_for_number(number) == _region(region)
    style = (phonenumbers.PhoneNumberFormat.NATIONAL if same_country
             else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    extension, number.extension = number.extension, None
    text = phonenumbers.format_number(number, style)
    return "%s %s %s" % (text, extension_label, extension) if extension else text


def search_digits(text, region=None):
    """The digits to look for in stored E.164 numbers when a user types
    ``text`` in any format, whole or partial: ``02 97 12`` -> ``3329712``."""
    digits = _NOT_DIGIT.sub("", text or "")
    if not digits:
        return ""
    if text.strip().startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0"):
        country_code = phonenumbers.country_code_for_region(_region(region))
        return "%d%s" % (country_code, digits[1:])
    return digits
