# Multiple inheritance: C3 MRO, super() chains through mixins, cooperative __init__.
import asyncio


class Base:
    def __init__(self, name, **kwargs):
        super().__init__(**kwargs)
        self.name = name

    def describe(self):
        return f"Base({self.name})"

    async def run(self):
        print(f"{self.name}: Base.run")
        await asyncio.sleep(0.1)
        return self.name


class LoggingMixin:
    def __init__(self, level="info", **kwargs):
        super().__init__(**kwargs)
        self.level = level

    def describe(self):
        return "Logging+" + super().describe()

    async def run(self):
        print(f"[{self.level}] starting {self.name}")
        result = await super().run()
        print(f"[{self.level}] finished {self.name}")
        return result


class RetryMixin:
    retries = 3

    def describe(self):
        return f"Retry{self.retries}+" + super().describe()


class Worker(LoggingMixin, RetryMixin, Base):
    pass


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


async def main():
    w = Worker(name="w1", level="debug")
    print([k.__name__ for k in Worker.__mro__])
    print(w.describe(), w.level, w.retries, isinstance(w, RetryMixin), issubclass(Worker, Base))
    print(await asyncio.gather(w.run(), Worker(name="w2").run()))
    print(D().who(), [k.__name__ for k in D.__mro__], D.__bases__, D.__base__)
    try:
        class E(A, B):
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        class F(A, A):
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        class G(list, dict):
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        class H(bool):
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
