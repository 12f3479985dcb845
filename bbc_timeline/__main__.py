from bbc_timeline._entry import main

main()
