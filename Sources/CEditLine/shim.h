// libedit through its readline-compatible API. Its settings are C globals, which Swift 6
// cannot touch safely; these fixed-argument inline functions set and read them instead.
#include <stdio.h>
#include <stdlib.h>
#include <editline/readline.h>

/// Names the program, installs the completion hook, the word breaks and the function that
/// reads a typed character (it returns a whole character, not a byte, or -1), and starts libedit.
static inline void claimsh_editline_setup(const char *name, rl_completion_func_t *complete, char *word_breaks, int (*read_character)(FILE *)) {
  rl_readline_name = name;
  rl_getc_function = read_character;
  rl_attempted_completion_function = complete;
  rl_completer_word_break_characters = word_breaks;
  rl_initialize();
  using_history();
}

/// The line being edited.
static inline const char *claimsh_editline_buffer(void) { return rl_line_buffer; }

/// The cursor's offset in the line.
static inline int claimsh_editline_point(void) { return rl_point; }

/// Says the hook's answer is final (no filename completion), and what follows one match.
static inline void claimsh_editline_completion_settings(int append_character) {
  rl_attempted_completion_over = 1;
  rl_completion_append_character = append_character;
}
