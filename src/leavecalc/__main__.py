from leavecalc.cli import main

main()
