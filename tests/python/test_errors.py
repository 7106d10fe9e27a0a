import pytest

import ssrandom
from ssrandom import _core

INVALID_ARGUMENT, NOT_FOUND, OUT_OF_RANGE, FAILED_PRECONDITION, INTERNAL = 3, 5, 11, 9, 13


@pytest.mark.parametrize("code,cls,builtin", [
    (INVALID_ARGUMENT, ssrandom.InvalidInputError, ValueError),
    (NOT_FOUND, ssrandom.NotFoundError, LookupError),
    (OUT_OF_RANGE, ssrandom.OutOfRangeError, ValueError),
    (FAILED_PRECONDITION, ssrandom.FailedPreconditionError, RuntimeError),
    (INTERNAL, ssrandom.InternalError, RuntimeError),
])
def test_status_codes_map_to_the_exception_hierarchy(code, cls, builtin):
    with pytest.raises(cls) as info:
        _core._raise_status(code, "entities.csv record 3, field uscc: bad check character")
    assert isinstance(info.value, ssrandom.Error)
    assert isinstance(info.value, builtin)
    assert "record 3" in str(info.value)
    assert info.value.code == cls.code
