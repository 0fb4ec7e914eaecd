import asyncio

# Printing: f-string format specs follow Python's format mini-language exactly.


async def main():
    x = 3.14159
    n = 42
    s = "hi"
    print(f"{x:.2f} {x:.0f} {x:8.3f}| {x:<8.1f}| {x:e} {x:.3e} {x:g}")
    print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:x}|{n:+d}|{-n:d}")
    print(f"{1234567:,} {1234567.891:,.2f} {0.5:.0f} {1.5:.0f} {2.5:.0f} {2.675:.2f}")
    print(f"[{s:>6}] [{s:<6}] [{s:^6}] [{s:*^7}] [{s}]")
    print(f"{n} {x} {s} {[1, 'a']} {None} {True} {1e16} {0.1 + 0.2}")
    print(f"{n / 7:.3f} {n // 5} {n % 5} {-0.0:.1f} {1e-7:.2e} {123.456:.1f}")
    t = 0.1 + 0.2
    print(f"t={t:.3f}s, {'nested'} {{braces}} {n * 2}")


asyncio.run(main())
