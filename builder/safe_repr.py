"""Bounded, side-effect-free reprs for traced values.

The tracer runs inside untrusted programs, so it must never call a user-defined
``__repr__``/``__eq__``/``__iter__`` (they can hang, raise, or lie) and must never
build a giant string. Builtin containers are rendered structurally with element
and character budgets; user objects are shown as ``ClassName(field=...)`` from
their ``__dict__``/``__slots__``; anything cut is marked with ``...``.
"""

from __future__ import annotations

import collections
import decimal
import enum
import fractions
import types

ELLIPSIS = "..."

#: Types whose builtin repr is small, trusted and cannot reach user code.
_SCALARS = (int, float, complex, bool, type(None), decimal.Decimal, fractions.Fraction, range)
_TRUSTED_REPR_MODULES = frozenset({"datetime", "decimal", "fractions", "uuid", "pathlib", "ipaddress"})


class SafeRepr:
    """Renders values within a character budget without running user code."""

    def __init__(self, max_chars: int = 200, max_items: int = 24, max_depth: int = 6) -> None:
        self.max_chars = max_chars
        self.max_items = max_items
        self.max_depth = max_depth

    def __call__(self, value: object) -> str:
        kind = type(value)
        if kind in _FLAT_CONTAINERS and len(value) <= self.max_items and _flat(value, kind):  # type: ignore[arg-type]
            text = repr(value)  # builtin containers of small scalars: C repr, same text, much faster
        else:
            text = self._render(value, self.max_depth, set())
        if len(text) > self.max_chars:
            text = text[: self.max_chars - len(ELLIPSIS)] + ELLIPSIS
        return text

    # -- dispatch -----------------------------------------------------------------
    def _render(self, value: object, depth: int, seen: set[int]) -> str:
        kind = type(value)
        if kind is int:
            return _int_repr(value, self.max_chars)  # type: ignore[arg-type]
        if kind is str or kind is bytes or kind is bytearray:
            return _text_repr(value, self.max_chars)  # type: ignore[arg-type]
        if kind in _SCALARS:
            return repr(value)
        if depth <= 0:
            return f"<{_type_name(kind)}>" if kind not in (list, tuple, dict, set, frozenset) else ELLIPSIS
        if id(value) in seen:
            return ELLIPSIS
        seen.add(id(value))
        try:
            return self._render_compound(value, kind, depth - 1, seen)
        finally:
            seen.discard(id(value))

    def _render_compound(self, value: object, kind: type, depth: int, seen: set[int]) -> str:
        if kind is list:
            return "[" + self._items(list.__iter__(value), depth, seen) + "]"  # type: ignore[arg-type]
        if kind is tuple:
            inner = self._items(tuple.__iter__(value), depth, seen)  # type: ignore[arg-type]
            return "(" + inner + ("," if tuple.__len__(value) == 1 else "") + ")"  # type: ignore[arg-type]
        if kind is dict:
            return "{" + self._pairs(dict.items(value), depth, seen) + "}"  # type: ignore[arg-type]
        if kind is set:
            return "{" + self._items(set.__iter__(value), depth, seen) + "}" if value else "set()"  # type: ignore[arg-type]
        if kind is frozenset:
            return "frozenset({" + self._items(frozenset.__iter__(value), depth, seen) + "})"  # type: ignore[arg-type]
        if kind is collections.deque:
            return "deque([" + self._items(collections.deque.__iter__(value), depth, seen) + "])"  # type: ignore[arg-type]
        if kind is collections.Counter:
            return "Counter({" + self._pairs(dict.items(value), depth, seen) + "})"  # type: ignore[arg-type]
        if kind is collections.OrderedDict:
            return "OrderedDict({" + self._pairs(dict.items(value), depth, seen) + "})"  # type: ignore[arg-type]
        if kind is collections.defaultdict:
            factory = _callable_name(value.default_factory)  # type: ignore[attr-defined]
            return f"defaultdict({factory}, {{" + self._pairs(dict.items(value), depth, seen) + "})"  # type: ignore[arg-type]
        # Type checks on the class, never ``isinstance(value, ...)``: that reads ``value.__class__``,
        # which runs a user ``__getattribute__``.
        if issubclass(kind, (types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
            return f"<function {getattr(value, '__qualname__', '?')}>"
        if kind is types.ModuleType:
            return f"<module {types.ModuleType.__getattribute__(value, '__name__')}>"
        if issubclass(kind, type):
            return f"<class {type.__getattribute__(value, '__qualname__')}>"
        module = getattr(kind, "__module__", "") or ""
        if module.split(".")[0] == "numpy":
            return self._numpy(value, depth, seen)
        if module in _TRUSTED_REPR_MODULES:
            return repr(value)
        if issubclass(kind, tuple) and type(fields := _class_attribute(kind, "_fields")) is tuple \
                and all(type(field) is str for field in fields) and len(fields) == tuple.__len__(value):
            return self._named_tuple(value, kind, fields, depth, seen)  # type: ignore[arg-type]
        if issubclass(kind, enum.Enum):
            member = self._enum_member(value, kind, depth, seen)
            if member is not None:
                return member
        return self._object(value, kind, depth, seen)

    def _named_tuple(self, value: tuple, kind: type, fields: tuple[str, ...], depth: int, seen: set[int]) -> str:
        """``P(x=1, y=2)``, as a namedtuple's own repr writes it, from the tuple's items."""
        shown = list(zip(fields, tuple.__iter__(value)))[: self.max_items]
        inner = ", ".join(f"{field}={self._render(item, depth, seen)}" for field, item in shown)
        name = type.__getattribute__(kind, "__name__")  # as namedtuple's repr: the name, not the qualname
        return f"{name}({inner}{', ' + ELLIPSIS if len(fields) > len(shown) else ''})"

    def _enum_member(self, value: object, kind: type, depth: int, seen: set[int]) -> str | None:
        """``<Color.RED: 1>``, as Enum's repr writes a member, from its stored name and value."""
        try:
            namespace = object.__getattribute__(value, "__dict__")
        except Exception:
            return None
        if type(namespace) is not dict or type(namespace.get("_name_")) is not str or "_value_" not in namespace:
            return None
        name = type.__getattribute__(kind, "__name__")  # as Enum's repr
        return f"<{name}.{namespace['_name_']}: {self._render(namespace['_value_'], depth, seen)}>"

    # -- helpers ------------------------------------------------------------------
    def _items(self, iterator, depth: int, seen: set[int]) -> str:
        parts: list[str] = []
        used = 0
        for index, item in enumerate(iterator):
            if index >= self.max_items or used > self.max_chars:
                parts.append(ELLIPSIS)
                break
            text = self._render(item, depth, seen)
            used += len(text) + 2
            parts.append(text)
        return ", ".join(parts)

    def _pairs(self, items, depth: int, seen: set[int]) -> str:
        parts: list[str] = []
        used = 0
        for index, (key, item) in enumerate(items):
            if index >= self.max_items or used > self.max_chars:
                parts.append(ELLIPSIS)
                break
            text = f"{self._render(key, depth, seen)}: {self._render(item, depth, seen)}"
            used += len(text) + 2
            parts.append(text)
        return ", ".join(parts)

    def _numpy(self, value: object, depth: int, seen: set[int]) -> str:
        import numpy  # only reached when numpy values exist, so numpy is importable

        if isinstance(value, numpy.ndarray):
            if value.size <= self.max_items and value.dtype != object:
                return repr(value.tolist()) if value.ndim == 0 else "array(" + self._render(value.tolist(), depth, seen) + ")"
            head = self._items(iter(value.flat[: min(value.size, 8)].tolist()), depth, seen) if value.dtype != object else ELLIPSIS
            return f"array([{head}, ...], shape={value.shape}, dtype={value.dtype})"
        if isinstance(value, numpy.generic):
            return repr(value.item()) if value.dtype != object else f"<{type(value).__name__}>"
        return self._object(value, type(value), depth, seen)

    def _object(self, value: object, kind: type, depth: int, seen: set[int]) -> str:
        """User objects: class name plus fields, read without invoking user hooks."""
        fields: list[tuple[str, object]] = []
        try:
            namespace = object.__getattribute__(value, "__dict__")
        except Exception:
            namespace = None
        if type(namespace) is dict:
            fields.extend((k, v) for k, v in dict.items(namespace) if type(k) is str)
        for klass in type.__getattribute__(kind, "__mro__"):
            for slot in klass.__dict__.get("__slots__", ()) if type(klass.__dict__.get("__slots__", ())) in (tuple, list) else ():
                descriptor = klass.__dict__.get(slot)
                if type(descriptor) is types.MemberDescriptorType:
                    try:
                        fields.append((slot, descriptor.__get__(value, kind)))
                    except AttributeError:
                        pass
        name = type.__getattribute__(kind, "__qualname__")
        if not fields:
            return f"<{name} object>"
        shown = fields[: self.max_items]
        inner = ", ".join(f"{k}={self._render(v, depth, seen)}" for k, v in shown)
        if len(fields) > len(shown):
            inner += ", " + ELLIPSIS
        return f"{name}({inner})"


_FLAT_CONTAINERS = frozenset({list, tuple, dict, set, frozenset})
_FLAT_ITEMS = frozenset({float, bool, type(None)})


def _flat_item(item: object) -> bool:
    kind = type(item)
    if kind in _FLAT_ITEMS:
        return True
    if kind is int:
        return -(1 << 62) < item < (1 << 62)  # type: ignore[operator]
    return kind is str and len(item) <= 40  # type: ignore[arg-type]


def _flat(value, kind: type) -> bool:
    if kind is dict:
        return all(_flat_item(k) and _flat_item(v) for k, v in dict.items(value))
    return all(_flat_item(item) for item in value)


def _callable_name(factory: object) -> str:
    """A defaultdict's factory by name, without running any of its hooks."""
    kind = type(factory)
    if factory is None:
        return "None"
    if issubclass(kind, type):
        return type.__getattribute__(factory, "__qualname__")
    if kind in (types.FunctionType, types.BuiltinFunctionType, types.MethodType):
        return getattr(factory, "__qualname__", "?")
    return f"<{type.__getattribute__(kind, '__qualname__')} object>"


_PLAIN_ARGS = frozenset({str, int, float, bool, type(None), bytes})


def exception_message(exc: BaseException, render, *, builtin_format: bool = False) -> str:
    """An exception's message without running user code.

    ``str(exc)`` of a one-argument exception calls ``str(arg)``: a user ``__str__`` could raise
    or never return. With plain arguments (strings, numbers) the message is formatted as Python
    would (``builtin_format``: builtin classes format themselves, e.g. KeyError quotes its key);
    otherwise the arguments are shown through ``render`` (a ``SafeRepr``).
    """
    args = BaseException.__dict__["args"].__get__(exc)
    if type(args) is tuple and all(type(a) in _PLAIN_ARGS for a in args):
        owner = next(k for k in type(exc).__mro__ if "__str__" in k.__dict__)
        if builtin_format and owner.__module__ == "builtins":
            return str(exc)
        return BaseException.__str__(exc)
    if type(args) is not tuple:
        return ""
    return render(args[0]) if len(args) == 1 else render(args)


def _type_name(kind: type) -> str:
    return type.__getattribute__(kind, "__qualname__")


def _class_attribute(kind: type, name: str) -> object:
    """A class attribute read from the class dicts along the MRO: no metaclass hook runs."""
    for klass in type.__getattribute__(kind, "__mro__"):
        namespace = type.__getattribute__(klass, "__dict__")
        if name in namespace:
            return namespace[name]
    return None


def _int_repr(value: int, budget: int) -> str:
    # Huge ints: str() of a 10**100000 is slow and big; estimate digits first.
    if value.bit_length() > 4 * budget:
        return f"<int with ~{int(value.bit_length() * 0.30103)} digits>"
    return int.__repr__(value)


def _text_repr(value: str | bytes | bytearray, budget: int) -> str:
    if len(value) > budget:
        cut = value[:budget]
        text = cut.__repr__()
        return text[:-1] + ELLIPSIS + text[-1] + f" (len={len(value)})"
    return value.__repr__()


default_repr = SafeRepr()
