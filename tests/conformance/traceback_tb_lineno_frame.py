# e.__traceback__ as tutorials walk it: tb_lineno, tb_next, and tb_frame's f_code.co_name,
# f_code.co_filename and f_lineno (the line a finished frame was at; the catching frame, still
# running, says the line it runs now).
import asyncio


def parse(text):
    return int(text)


async def job(text):
    await asyncio.sleep(0.1)
    return parse(text)


async def main():
    try:
        await job("x")
    except ValueError as e:
        tb = e.__traceback__
        while tb is not None:
            print(tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_frame.f_lineno)
            tb = tb.tb_next
        print(e.__traceback__.tb_frame.f_code.co_filename.split("/")[-1])  # the path as run
        last = e.__traceback__
        while last.tb_next:
            last = last.tb_next
        print(f"{type(e).__name__} in {last.tb_frame.f_code.co_name}() at line {last.tb_lineno}")


asyncio.run(main())
