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
        if _one_of(kind, _SCALARS):  # by identity: ``in`` would run a metaclass __eq__
            return repr(value)
        if depth <= 0:
            return f"<{_type_name(kind)}>" if not _one_of(kind, (list, tuple, dict, set, frozenset)) else ELLIPSIS
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
        if kind is set:  # set.__len__, not truthiness: a set subclass's __len__ never runs
            return "{" + self._items(set.__iter__(value), depth, seen) + "}" if set.__len__(value) else "set()"  # type: ignore[arg-type]
        if kind is frozenset:
            return "frozenset({" + self._items(frozenset.__iter__(value), depth, seen) + "})"  # type: ignore[arg-type]
        if kind is collections.deque:
            maxlen = collections.deque.maxlen.__get__(value)  # type: ignore[attr-defined]
            return "deque([" + self._items(collections.deque.__iter__(value), depth, seen) + "]" + \
                (f", maxlen={maxlen})" if maxlen is not None else ")")  # type: ignore[arg-type]
        if kind is collections.Counter:
            items = list(dict.items(value))  # type: ignore[arg-type]
            if all(type(count) is int for _, count in items):  # most common first, as its repr (stable for ties)
                items.sort(key=lambda item: item[1], reverse=True)
            return "Counter({" + self._pairs(items, depth, seen) + "})"
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
        module = _module_of(kind)
        if module.split(".")[0] == "numpy":
            return self._numpy(value, depth, seen)
        if module in _TRUSTED_REPR_MODULES:
            return repr(value)
        # Below, only the repr the class really uses (the first __repr__ along its MRO) decides
        # how it is shown: a namedtuple's, an enum's or a builtin's own repr is written out the
        # same way from the value's data; any other (a user's) never runs, and the object is
        # shown by its fields, which the build tells apart from what the program printed.
        uses = _class_attribute(kind, "__repr__")
        mro = type.__getattribute__(kind, "__mro__")
        if _one_of(tuple, mro) and type(uses) is types.FunctionType and \
                types.FunctionType.__dict__["__code__"].__get__(uses) is _NAMEDTUPLE_REPR_CODE:
            fields = _class_attribute(kind, "_fields")
            if type(fields) is tuple and all(type(f) is str for f in fields) and len(fields) == tuple.__len__(value):
                return self._named_tuple(value, kind, fields, depth, seen)  # type: ignore[arg-type]
        if _one_of(enum.Enum, mro) and _one_of(uses, _ENUM_REPRS):
            member = self._enum_member(value, kind, depth, seen)
            if member is not None:
                return member
        for base in _BUILTIN_BASES:  # a plain subclass of a builtin, repr inherited: shown as the builtin
            if _one_of(base, mro) and uses is _BUILTIN_REPRS[base]:
                return self._builtin_subclass(value, base, depth, seen)
        return self._object(value, kind, depth, seen)

    def _builtin_subclass(self, value: object, base: type, depth: int, seen: set[int]) -> str:
        """As the builtin ``base`` writes it, through ``base``'s own C methods (a subclass's
        ``__len__``, ``__iter__``, ``__getitem__`` or ``__getattribute__`` never run)."""
        if base is str:
            return _text_repr(str.__str__(value), self.max_chars)  # type: ignore[arg-type]  # an exact str copy
        if base is bytes:
            return _text_repr(bytes.__getitem__(value, slice(None)), self.max_chars)  # type: ignore[arg-type]
        if base is int:
            return _int_repr(int.__index__(value), self.max_chars)  # type: ignore[arg-type]
        if base is float:
            return float.__repr__(value)  # type: ignore[arg-type]
        return self._render_compound(value, base, depth, seen)

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
        if type(namespace) is not dict:
            return None
        member, value_ = _dict_lookup(namespace, "_name_"), _dict_lookup(namespace, "_value_", _MISSING)
        if value_ is _MISSING or (member is not None and type(member) is not str):
            return None
        name = type.__getattribute__(kind, "__name__")  # as Enum's repr; a Flag with no name: <F: 0>
        shown = self._render(value_, depth, seen)
        return f"<{name}.{member}: {shown}>" if member is not None else f"<{name}: {shown}>"

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
        for klass in reversed(type.__getattribute__(kind, "__mro__")):  # base classes' fields first, as a dataclass
            class_dict = type.__getattribute__(klass, "__dict__")
            slots = _dict_lookup(class_dict, "__slots__", ())
            for slot in slots if type(slots) in (tuple, list) else ():
                descriptor = _dict_lookup(class_dict, slot) if type(slot) is str else None
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


_MISSING = object()
_HEAP_TYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE: a class made by a class statement (or type()), not in C


def _module_of(kind: type) -> str:
    """A class's module name without a metaclass hook or a user's dict key running: a class
    statement's from its own dict (scanned), a C type's from its name, as ``type`` does."""
    if type.__getattribute__(kind, "__flags__") & _HEAP_TYPE:
        module = _dict_lookup(type.__getattribute__(kind, "__dict__"), "__module__")
    else:
        module = type.__dict__["__module__"].__get__(kind)
    return module if type(module) is str else ""


def _class_attribute(kind: type, name: str) -> object:
    """A class attribute read from the class dicts along the MRO: no metaclass hook runs."""
    for klass in type.__getattribute__(kind, "__mro__"):
        found = _dict_lookup(type.__getattribute__(klass, "__dict__"), name, _MISSING)
        if found is not _MISSING:
            return found
    return None


def _dict_lookup(namespace, name: str, default: object = None) -> object:
    """``namespace[name]`` by a scan of exactly-str keys: a plain lookup would compare ``name``
    with any key of the same hash, and a user's key can make that run its ``__eq__``."""
    for key, item in namespace.items():
        if type(key) is str and str.__eq__(key, name):
            return item
    return default


def _one_of(item: object, candidates) -> bool:
    """``item in candidates`` by identity (``in`` falls back to ``==``, a metaclass hook)."""
    for candidate in candidates:
        if candidate is item:
            return True
    return False


_NAMEDTUPLE_REPR_CODE = collections.namedtuple("_Probe", "a").__repr__.__code__
_ENUM_REPRS = tuple(cls.__dict__["__repr__"] for cls in vars(enum).values()
                    if isinstance(cls, type) and "__repr__" in cls.__dict__ and cls.__module__ == "enum")
_BUILTIN_BASES = (dict, list, tuple, set, frozenset, str, bytes, int, float)
_BUILTIN_REPRS = {base: base.__dict__["__repr__"] for base in _BUILTIN_BASES}


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
