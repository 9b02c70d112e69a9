#ifndef RAMVERK_EDITLINE_SHIM_H
#define RAMVERK_EDITLINE_SHIM_H

/* libedit's el_set, el_get and history() take variable arguments, which Swift cannot
   call. Each use Ramverk makes of them gets a wrapper with a fixed signature here. */

#include <stdio.h>
#include <histedit.h>

typedef char *(*ramverk_prompt_function)(EditLine *);
typedef unsigned char (*ramverk_editor_function)(EditLine *, int);

/* The standard streams are globals Swift's concurrency checking will not touch. */
static inline EditLine *ramverk_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

static inline int ramverk_el_set_prompt(EditLine *el, ramverk_prompt_function function) {
    return el_set(el, EL_PROMPT, function);
}

static inline int ramverk_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int ramverk_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

static inline int ramverk_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int ramverk_el_add_function(EditLine *el, const char *name, const char *help,
                                          ramverk_editor_function function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

static inline int ramverk_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, NULL);
}

static inline int ramverk_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

static inline int ramverk_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

#endif
