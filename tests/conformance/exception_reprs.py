import asyncio

# Printing: str() and repr() of exceptions, including asyncio's, and the messages of
# common built-in errors.


async def main():
    errors = [
        ValueError("x"),
        ValueError(),
        ValueError("a", 1),
        KeyError("k"),
        RuntimeError("it's \"quoted\""),
        asyncio.CancelledError(),
        asyncio.CancelledError("msg"),
        asyncio.TimeoutError(),
        Exception("multi\nline"),
    ]
    print(errors)
    for e in errors:
        print(type(e).__name__, "|", str(e), "|", [e])
    try:
        [1, 2][5]
    except IndexError as e:
        print("IndexError:", e)
    try:
        {"a": 1}["b"]
    except KeyError as e:
        print("KeyError:", e, [e])
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        1 + "a"
    except TypeError as e:
        print("TypeError:", e)
    try:
        int("abc")
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
