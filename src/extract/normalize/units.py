"""The project's one Pint registry, and cached unit parsing.

Pint's default registry plus ``patterns/units.txt`` (a superset of the
SPEC's ``units.txt``: cells, IU, CFU, vector genomes, activity units, dosage
forms). Building a Quantity from a string costs ~0.3 ms, so parsed units are
cached; a cached unit times a float is cheap.
"""

from __future__ import annotations

from functools import lru_cache

import pint

from extract.patterns import UNITS_FILE

ureg = pint.UnitRegistry(on_redefinition="raise")
ureg.load_definitions(str(UNITS_FILE))


@lru_cache(maxsize=4096)
def parse_unit_string(unit: str) -> pint.Quantity | None:
    """Parse a Pint unit string (``"cell/kg"``, ``"mg/m**2"``) to a unit quantity.

    Returns:
        ``1 <unit>`` as a Quantity, or None when Pint cannot parse it.
    """
    try:
        q = ureg.Quantity(1, unit) if unit.strip() else None
    except (pint.errors.PintError, ValueError, TypeError, AttributeError, SyntaxError, KeyError):
        return None
    return q
