from bbc_timeline.cli import main

main()
