import ClaimShell

ClaimshCommand.main()
