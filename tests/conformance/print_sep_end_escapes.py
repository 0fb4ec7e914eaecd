import asyncio

# Trace format: text = sep.join(str(args)) + end, minus one trailing newline, then
# backslash -> \\ and newline -> \n. Prints outside any task are attributed to '-'.

print("outside", "the loop", sep="|")


async def main():
    print("a", "b", "c", sep="")
    print("a", "b", sep=", ", end="!\n")
    print("no newline", end="")
    print("two newlines", end="\n\n")
    print("embedded\nnewline and back\\slash")
    print()
    print("", end="")
    print("tab\there", 1, 2.0, sep="\t")
    print("x", end=" ")
    print("y", sep=None, end=None)
    print(1, [2, "3"], sep="-", end="<end>")


asyncio.run(main())
print("after", "run", end="\n")
