// libedit's readline-compatible API: fixed-argument functions that Swift can call
// (histedit.h's el_set and history are C variadics, which Swift cannot).
#include <stdio.h>
#include <editline/readline.h>
