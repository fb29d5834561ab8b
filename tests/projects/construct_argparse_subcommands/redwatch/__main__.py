import sys

from redwatch import commands
from redwatch.cli import build_parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    if args.command == "collect":
        commands.collect(args)
    elif args.command == "share":
        commands.share(args)
    else:
        commands.stats(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
