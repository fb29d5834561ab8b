import sys

from watchtool.commands import escalate, notify, stats, sync
from watchtool.options import parse


def main(argv=None):
    args = parse(argv)
    people = sync(args)
    stats(args, people)
    escalate(args, people)
    if args.verbose:
        notify(args, people)
    return 0


if __name__ == "__main__":
    sys.exit(main())
