/* textmend.fixers._runs: the lowercase runs of a text, found and looked up in one pass; whether a
 * capital follows a lowercase letter or sentence punctuation; the counts of a text's words.
 *
 * The compiled half of textmend.fixers._scan, which holds the pure-Python half and says which one is
 * active. A run is what the Latin-1 patterns of _scan find: four to forty lowercase letters of
 * Latin-1 (a-z, the micro sign, U+00DF-U+00FF but U+00F7) after a character that is not a Latin-1
 * letter (or at the start of the text); a longer run counts as its first forty letters. Every other
 * character, whatever its code point, is not a letter here, exactly as in the patterns.
 *
 * RunTable(words) holds the words that could be runs, in an open-addressing hash table of Latin-1
 * bytes, so that a text's runs are looked up without making a Python string for each: only the runs
 * a caller asks for become objects. It can also watch for a few short words (one to three letters, as
 * a run but shorter), which missing() reports where a text has them; and the first words of phrases
 * for lines_to_try, which names the lines of a text whose first word the table holds.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define MIN_RUN 4
#define MAX_RUN 40
#define MAX_WATCHED 8

/* The class of each Latin-1 character: a lowercase letter (a-z, the micro sign, U+00DF-U+00FF but
 * U+00F7), a capital (A-Z, U+00C0-U+00DE but U+00D7), sentence punctuation (. ! ?); set up once. */
enum { LOWER = 1, UPPER = 2, STOP = 4 };
static unsigned char classes[256];

static void
set_up_classes(void)
{
    for (int c = 0; c < 256; c++) {
        if ((c >= 'a' && c <= 'z') || c == 0xB5 || (c >= 0xDF && c != 0xF7)) {
            classes[c] = LOWER;
        }
        else if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
            classes[c] = UPPER;
        }
        else if (c == '.' || c == '!' || c == '?') {
            classes[c] = STOP;
        }
    }
}

#define CLASS_OF(c) ((c) < 256 ? classes[(c)] : 0)

static inline int
is_lower(Py_UCS4 c)
{
    return CLASS_OF(c) == LOWER;
}

/* Makes a str of the old, pre-3.12 kind canonical; 0 or -1 on error. */
static inline int
ready(PyObject *text)
{
#if PY_VERSION_HEX < 0x030C0000
    return PyUnicode_READY(text);
#else
    (void)text;
    return 0;
#endif
}

/* Whether text is a str ready to read; else a TypeError naming function, and 0. */
static int
is_readable_text(PyObject *text, const char *function)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "%s() reads a str, not %.100s", function, Py_TYPE(text)->tp_name);
        return 0;
    }
    return ready(text) == 0;
}

/* FNV-1a over the Latin-1 bytes of a run. */
static inline uint32_t
hash_of(const unsigned char *chars, Py_ssize_t length)
{
    uint32_t hash = 2166136261u;
    for (Py_ssize_t i = 0; i < length; i++) {
        hash = (hash ^ chars[i]) * 16777619u;
    }
    return hash;
}

typedef struct {
    uint32_t hash;
    uint32_t offset;      /* where the word starts in the pool */
    unsigned char length; /* 0 for an empty slot */
} Slot;

typedef struct {
    PyObject_HEAD
    Py_ssize_t mask;       /* slots - 1; slots is a power of two, at least twice the words */
    Py_ssize_t count;      /* words held */
    Slot *slots;           /* one lookup reads one slot: its hash, length and place side by side */
    unsigned char *pool;   /* the words' bytes, one after another */
    int watched;           /* how many short words missing() reports where a text has them as runs */
    unsigned char watched_length[MAX_WATCHED];
    unsigned char watched_chars[MAX_WATCHED][MIN_RUN - 1];
} RunTable;

/* Whether the short run (fewer than MIN_RUN letters) is one the table watches for. */
static inline int
watches(const RunTable *table, const unsigned char *chars, Py_ssize_t length)
{
    for (int i = 0; i < table->watched; i++) {
        if (table->watched_length[i] == length && memcmp(table->watched_chars[i], chars, (size_t)length) == 0) {
            return 1;
        }
    }
    return 0;
}

/* The slot that holds the run, or the empty slot where it would go. */
static Py_ssize_t
slot_of(const RunTable *table, const unsigned char *chars, Py_ssize_t length, uint32_t hash)
{
    Py_ssize_t slot = (Py_ssize_t)hash & table->mask;
    while (table->slots[slot].length != 0) {
        const Slot *held = &table->slots[slot];
        if (held->hash == hash && held->length == length
            && memcmp(table->pool + held->offset, chars, (size_t)length) == 0) {
            return slot;
        }
        slot = (slot + 1) & table->mask;
    }
    return slot;
}

static inline int
holds(const RunTable *table, const unsigned char *chars, Py_ssize_t length)
{
    return table->slots[slot_of(table, chars, length, hash_of(chars, length))].length != 0;
}

/* Whether the str word is one to MAX_RUN lowercase Latin-1 letters, and then its bytes in chars (only
 * a word of MIN_RUN letters or more can equal a run; a shorter one can be a line's first word). */
static int
as_run(PyObject *word, unsigned char *chars, Py_ssize_t *length)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(word);
    if (size < 1 || size > MAX_RUN) {
        return 0;
    }
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!is_lower(c)) {
            return 0;
        }
        chars[i] = (unsigned char)c;
    }
    *length = size;
    return 1;
}

static void
RunTable_dealloc(RunTable *self)
{
    PyMem_Free(self->slots);
    PyMem_Free(self->pool);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
RunTable_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *iterable, *watched = NULL;
    static char *keywords[] = {"words", "watched", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O:RunTable", keywords, &iterable, &watched)) {
        return NULL;
    }
    unsigned char watched_length[MAX_WATCHED], watched_chars[MAX_WATCHED][MIN_RUN - 1];
    int watched_count = 0;
    if (watched != NULL) {
        PyObject *short_words = PySequence_List(watched);
        if (short_words == NULL) {
            return NULL;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(short_words); i++) {
            PyObject *word = PyList_GET_ITEM(short_words, i);
            unsigned char chars[MAX_RUN];
            Py_ssize_t length;
            if (!PyUnicode_Check(word) || ready(word) < 0 || !as_run(word, chars, &length)
                || length >= MIN_RUN || watched_count == MAX_WATCHED) {
                if (!PyErr_Occurred()) {
                    PyErr_Format(PyExc_ValueError,
                                 "RunTable watches for at most %d words of one to three lowercase "
                                 "Latin-1 letters, not %R", MAX_WATCHED, word);
                }
                Py_DECREF(short_words);
                return NULL;
            }
            watched_length[watched_count] = (unsigned char)length;
            memcpy(watched_chars[watched_count], chars, (size_t)length);
            watched_count++;
        }
        Py_DECREF(short_words);
    }
    PyObject *words = PySequence_List(iterable);
    if (words == NULL) {
        return NULL;
    }
    Py_ssize_t total = PyList_GET_SIZE(words);
    for (Py_ssize_t i = 0; i < total; i++) {
        if (!PyUnicode_Check(PyList_GET_ITEM(words, i)) || ready(PyList_GET_ITEM(words, i)) < 0) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_TypeError, "RunTable holds str words, not %.100s",
                             Py_TYPE(PyList_GET_ITEM(words, i))->tp_name);
            }
            Py_DECREF(words);
            return NULL;
        }
    }
    Py_ssize_t slots = 8;
    while (slots < 2 * total + 2) {
        slots *= 2;
    }
    if (total > (Py_ssize_t)(UINT32_MAX / (MAX_RUN + 1))) {
        PyErr_SetString(PyExc_OverflowError, "RunTable: too many words");
        Py_DECREF(words);
        return NULL;
    }
    RunTable *self = (RunTable *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(words);
        return NULL;
    }
    self->mask = slots - 1;
    self->watched = watched_count;
    memcpy(self->watched_length, watched_length, sizeof(watched_length));
    memcpy(self->watched_chars, watched_chars, sizeof(watched_chars));
    self->slots = PyMem_Calloc((size_t)slots, sizeof(Slot));
    self->pool = PyMem_Malloc((size_t)(total * MAX_RUN + 1));
    if (!self->slots || !self->pool) {
        Py_DECREF(words);
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    uint32_t used = 0;
    unsigned char chars[MAX_RUN];
    for (Py_ssize_t i = 0; i < total; i++) {
        Py_ssize_t length;
        if (!as_run(PyList_GET_ITEM(words, i), chars, &length)) {
            continue; /* never equal to a run nor a first word: not worth a slot */
        }
        uint32_t hash = hash_of(chars, length);
        Py_ssize_t slot = slot_of(self, chars, length, hash);
        if (self->slots[slot].length != 0) {
            continue;
        }
        memcpy(self->pool + used, chars, (size_t)length);
        self->slots[slot] = (Slot){.hash = hash, .offset = used, .length = (unsigned char)length};
        used += (uint32_t)length;
        self->count++;
    }
    Py_DECREF(words);
    return (PyObject *)self;
}

/* Calls found(table, text, start, chars, length, result) for each run of text, in order; -1 on error. */
typedef int (*RunCallback)(const RunTable *, Py_ssize_t, const unsigned char *, Py_ssize_t, PyObject *);

/* The loop of each_run over characters of one width (TYPE: Py_UCS1, Py_UCS2 or Py_UCS4). */
#define EACH_RUN_OF(TYPE)                                                                            \
    do {                                                                                             \
        const TYPE *text_chars = (const TYPE *)data;                                                 \
        int after_letter = 0;                                                                        \
        Py_ssize_t i = 0;                                                                            \
        while (i < size) {                                                                           \
            Py_UCS4 c = text_chars[i];                                                               \
            unsigned char class = CLASS_OF(c);                                                       \
            if (class == LOWER && !after_letter) {                                                   \
                Py_ssize_t start = i, length = 0;                                                    \
                while (i < size && CLASS_OF(text_chars[i]) == LOWER) {                               \
                    if (length < MAX_RUN) {                                                          \
                        chars[length] = (unsigned char)text_chars[i];                                \
                    }                                                                                \
                    length++;                                                                        \
                    i++;                                                                             \
                }                                                                                    \
                if (length >= MIN_RUN                                                                \
                    && found(table, start, chars, length > MAX_RUN ? MAX_RUN : length, result) < 0) { \
                    return -1;                                                                       \
                }                                                                                    \
                if (length < MIN_RUN && watching && watches(table, chars, length)                    \
                    && add_run(chars, length, result) < 0) {                                         \
                    return -1;                                                                       \
                }                                                                                    \
                after_letter = 1;                                                                    \
                continue;                                                                            \
            }                                                                                        \
            after_letter = class == LOWER || class == UPPER;                                         \
            i++;                                                                                     \
        }                                                                                            \
    } while (0)

/* Adds the run of length Latin-1 bytes at chars to the set result; -1 on error. */
static int
add_run(const unsigned char *chars, Py_ssize_t length, PyObject *result)
{
    PyObject *run = PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, chars, length);
    if (run == NULL) {
        return -1;
    }
    int status = PySet_Add(result, run);
    Py_DECREF(run);
    return status;
}

/* Calls found for each run of text; with watching, adds each short run the table watches for to
 * result (a set) too. */
static int
each_run(const RunTable *table, PyObject *text, RunCallback found, PyObject *result, int watching)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(text);
    const void *data = PyUnicode_DATA(text);
    unsigned char chars[MAX_RUN];
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        EACH_RUN_OF(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        EACH_RUN_OF(Py_UCS2);
        break;
    default:
        EACH_RUN_OF(Py_UCS4);
        break;
    }
    return 0;
}

static int
add_if_missing(const RunTable *table, Py_ssize_t start, const unsigned char *chars, Py_ssize_t length,
               PyObject *result)
{
    (void)start;
    return holds(table, chars, length) ? 0 : add_run(chars, length, result);
}

static int
append_if_held(const RunTable *table, Py_ssize_t start, const unsigned char *chars, Py_ssize_t length,
               PyObject *result)
{
    if (!holds(table, chars, length)) {
        return 0;
    }
    PyObject *at = PyLong_FromSsize_t(start);
    if (at == NULL) {
        return -1;
    }
    int status = PyList_Append(result, at);
    Py_DECREF(at);
    return status;
}

/* Calls found for each run of text, to fill result (a new reference, which this takes): result, or
 * NULL on an error. */
static PyObject *
runs_into(RunTable *self, PyObject *text, const char *function, PyObject *result, RunCallback found,
          int watching)
{
    if (result == NULL) {
        return NULL;
    }
    if (!is_readable_text(text, function) || each_run(self, text, found, result, watching) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
RunTable_missing(RunTable *self, PyObject *text)
{
    return runs_into(self, text, "missing", PySet_New(NULL), add_if_missing, 1);
}

static PyObject *
RunTable_starts(RunTable *self, PyObject *text)
{
    return runs_into(self, text, "starts", PyList_New(0), append_if_held, 0);
}

static Py_ssize_t
RunTable_length(RunTable *self)
{
    return self->count;
}

static PyMethodDef RunTable_methods[] = {
    {"missing", (PyCFunction)RunTable_missing, METH_O,
     "missing(text)\n--\n\nThe distinct runs of text that the table does not hold, as a set, and the short "
     "words it watches for that text has as runs."},
    {"starts", (PyCFunction)RunTable_starts, METH_O,
     "starts(text)\n--\n\nWhere each run of text that the table holds starts, in order."},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods RunTable_as_sequence = {
    .sq_length = (lenfunc)RunTable_length,
};

static PyTypeObject RunTableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "textmend.fixers._runs.RunTable",
    .tp_basicsize = sizeof(RunTable),
    .tp_dealloc = (destructor)RunTable_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "RunTable(words, watched=())\n--\n\nThe words of one to forty lowercase Latin-1 letters, for "
              "looking runs up in C; missing() also reports the watched words (at most 8 of one to three "
              "letters) where a text has them as runs.",
    .tp_methods = RunTable_methods,
    .tp_as_sequence = &RunTable_as_sequence,
    .tp_new = RunTable_new,
};

/* Whether a capital follows a lowercase letter or . ! ? among size characters of one width at data. */
#define CAPITAL_FOLLOWS_OF(NAME, TYPE)                                                               \
    static int NAME(const void *data, Py_ssize_t size)                                               \
    {                                                                                                \
        const TYPE *text_chars = (const TYPE *)data;                                                 \
        unsigned char before = 0;                                                                    \
        for (Py_ssize_t i = 0; i < size; i++) {                                                      \
            unsigned char class = CLASS_OF(text_chars[i]);                                           \
            if (class == UPPER && (before & (LOWER | STOP))) {                                       \
                return 1;                                                                            \
            }                                                                                        \
            before = class;                                                                          \
        }                                                                                            \
        return 0;                                                                                    \
    }

CAPITAL_FOLLOWS_OF(capital_follows_1, Py_UCS1)
CAPITAL_FOLLOWS_OF(capital_follows_2, Py_UCS2)
CAPITAL_FOLLOWS_OF(capital_follows_4, Py_UCS4)

/* capital_follows(text): whether a Latin-1 capital follows a Latin-1 lowercase letter or one of . ! ? */
static PyObject *
capital_follows(PyObject *module, PyObject *text)
{
    (void)module;
    if (!is_readable_text(text, "capital_follows")) {
        return NULL;
    }
    Py_ssize_t size = PyUnicode_GET_LENGTH(text);
    const void *data = PyUnicode_DATA(text);
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        return PyBool_FromLong(capital_follows_1(data, size));
    case PyUnicode_2BYTE_KIND:
        return PyBool_FromLong(capital_follows_2(data, size));
    default:
        return PyBool_FromLong(capital_follows_4(data, size));
    }
}

/* The first word of each line of size characters of one width at data, looked up in table: the
 * offsets of the lines to try (see lines_to_try) appended to result; -1 on error. */
#define LINES_TO_TRY_OF(NAME, TYPE)                                                                  \
    static int NAME(const RunTable *table, const void *data, Py_ssize_t size, PyObject *result)      \
    {                                                                                                \
        const TYPE *text_chars = (const TYPE *)data;                                                 \
        unsigned char first[MAX_RUN];                                                                \
        Py_ssize_t line = 0;                                                                         \
        while (line < size) {                                                                        \
            Py_ssize_t i = line;                                                                     \
            while (i < size && text_chars[i] != '\n' && Py_UNICODE_ISSPACE(text_chars[i])) {         \
                i++;                                                                                 \
            }                                                                                        \
            Py_ssize_t length = 0;                                                                   \
            while (i < size && length <= MAX_RUN && text_chars[i] < 128                              \
                   && Py_ISALPHA(text_chars[i])) {                                                   \
                if (length < MAX_RUN) {                                                              \
                    first[length] = (unsigned char)Py_TOLOWER(text_chars[i]);                        \
                }                                                                                    \
                length++;                                                                            \
                i++;                                                                                 \
            }                                                                                        \
            /* After the letters: the end, a line break or another ASCII character decide; a         \
             * character beyond ASCII could be a phrase's letter in any case: the line is tried. */  \
            int beyond = i < size && text_chars[i] >= 128;                                           \
            if (beyond || (length > 0 && length <= MAX_RUN && holds(table, first, length))) {        \
                PyObject *at = PyLong_FromSsize_t(line);                                             \
                if (at == NULL || PyList_Append(result, at) < 0) {                                   \
                    Py_XDECREF(at);                                                                  \
                    return -1;                                                                       \
                }                                                                                    \
                Py_DECREF(at);                                                                       \
            }                                                                                        \
            while (i < size && text_chars[i] != '\n') {                                              \
                i++;                                                                                 \
            }                                                                                        \
            line = i + 1;                                                                            \
        }                                                                                            \
        return 0;                                                                                    \
    }

LINES_TO_TRY_OF(lines_to_try_1, Py_UCS1)
LINES_TO_TRY_OF(lines_to_try_2, Py_UCS2)
LINES_TO_TRY_OF(lines_to_try_4, Py_UCS4)

/* lines_to_try(text, table): where each line of text starts whose first word could begin one of the
 * phrases whose first words (lowercase ASCII letters) table holds. The first word is the run of ASCII
 * letters after the line's spaces (not its line break), lowercased; a line is tried when table holds it,
 * or when a character beyond ASCII ends it (or starts the line), which a phrase's letter could match in
 * any case. A blank line, and a line starting with an ASCII character that is no letter, is never. */
static PyObject *
lines_to_try(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "lines_to_try() takes 2 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *text = args[0];
    if (!is_readable_text(text, "lines_to_try")) {
        return NULL;
    }
    if (!PyObject_TypeCheck(args[1], &RunTableType)) {
        PyErr_Format(PyExc_TypeError, "lines_to_try() looks words up in a RunTable, not %.100s",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    const RunTable *table = (const RunTable *)args[1];
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    Py_ssize_t size = PyUnicode_GET_LENGTH(text);
    const void *data = PyUnicode_DATA(text);
    int status;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        status = lines_to_try_1(table, data, size, result);
        break;
    case PyUnicode_2BYTE_KIND:
        status = lines_to_try_2(table, data, size, result);
        break;
    default:
        status = lines_to_try_4(table, data, size, result);
        break;
    }
    if (status < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* Whether c is a word character as re's \w reads a str: alphanumeric (str.isalnum) or _. */
static inline int
is_word(Py_UCS4 c)
{
    if (c < 128) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    return Py_UNICODE_ISALNUM(c);
}

/* The distinct words of a text as word_counts tallies them: each one's first occurrence (start and
 * length, in characters), hash and count, in order of first occurrence, with an open-addressing index
 * over them. A repeated word is compared with its first occurrence in the text itself, so only the
 * distinct words ever become Python objects, once the whole text is read. */
typedef struct {
    Py_ssize_t start;
    Py_ssize_t length;
    uint64_t hash;
    Py_ssize_t count;
} Tallied;

typedef struct {
    const char *data; /* the text's characters, width bytes each */
    int width;
    Tallied *words;
    Py_ssize_t used;
    Py_ssize_t room;
    Py_ssize_t *index; /* position in words + 1 of each slot's word; 0 for an empty slot */
    size_t mask;       /* slots - 1, a power of two at least twice used */
} Tally;

static int
tally_set_up(Tally *tally, const void *data, int width)
{
    tally->data = (const char *)data;
    tally->width = width;
    tally->used = 0;
    tally->room = 128;
    tally->mask = 255;
    tally->words = PyMem_Malloc((size_t)tally->room * sizeof(Tallied));
    tally->index = PyMem_Calloc(tally->mask + 1, sizeof(Py_ssize_t));
    if (tally->words == NULL || tally->index == NULL) {
        PyMem_Free(tally->words);
        PyMem_Free(tally->index);
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void
tally_free(Tally *tally)
{
    PyMem_Free(tally->words);
    PyMem_Free(tally->index);
}

/* Doubles the index and places every word again; -1 on error. */
static int
tally_grow(Tally *tally)
{
    size_t mask = tally->mask * 2 + 1;
    Py_ssize_t *index = PyMem_Calloc(mask + 1, sizeof(Py_ssize_t));
    if (index == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t n = 0; n < tally->used; n++) {
        size_t slot = (size_t)tally->words[n].hash & mask;
        while (index[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        index[slot] = n + 1;
    }
    PyMem_Free(tally->index);
    tally->index = index;
    tally->mask = mask;
    return 0;
}

/* Counts the word of length characters at start, whose hash is hash; -1 on error. */
static int
tally_add(Tally *tally, Py_ssize_t start, Py_ssize_t length, uint64_t hash)
{
    const char *chars = tally->data + start * tally->width;
    size_t bytes = (size_t)length * (size_t)tally->width;
    size_t slot = (size_t)hash & tally->mask;
    for (;;) {
        Py_ssize_t at = tally->index[slot];
        if (at == 0) {
            break;
        }
        Tallied *word = &tally->words[at - 1];
        if (word->hash == hash && word->length == length &&
            memcmp(tally->data + word->start * tally->width, chars, bytes) == 0) {
            word->count++;
            return 0;
        }
        slot = (slot + 1) & tally->mask;
    }
    if (tally->used == tally->room) {
        Tallied *words = PyMem_Realloc(tally->words, (size_t)tally->room * 2 * sizeof(Tallied));
        if (words == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        tally->words = words;
        tally->room *= 2;
    }
    tally->words[tally->used] = (Tallied){start, length, hash, 1};
    tally->used++;
    tally->index[slot] = tally->used;
    return (size_t)tally->used * 2 > tally->mask ? tally_grow(tally) : 0;
}

/* Tallies each run of word characters among size characters of one width at data (FNV-1a over the
 * code points for the hash); -1 on error. */
#define TALLY_OF(NAME, TYPE)                                                                         \
    static int NAME(const void *data, Py_ssize_t size, Tally *tally)                                 \
    {                                                                                                \
        const TYPE *text_chars = (const TYPE *)data;                                                 \
        Py_ssize_t i = 0;                                                                            \
        while (i < size) {                                                                           \
            if (!is_word(text_chars[i])) {                                                           \
                i++;                                                                                 \
                continue;                                                                            \
            }                                                                                        \
            Py_ssize_t start = i;                                                                    \
            uint64_t hash = 14695981039346656037ULL;                                                 \
            while (i < size && is_word(text_chars[i])) {                                             \
                hash = (hash ^ (uint64_t)text_chars[i]) * 1099511628211ULL;                          \
                i++;                                                                                 \
            }                                                                                        \
            if (tally_add(tally, start, i - start, hash) < 0) {                                      \
                return -1;                                                                           \
            }                                                                                        \
        }                                                                                            \
        return 0;                                                                                    \
    }

TALLY_OF(tally_1, Py_UCS1)
TALLY_OF(tally_2, Py_UCS2)
TALLY_OF(tally_4, Py_UCS4)

/* Tallies the words of text, a ready str; -1 on error (tally then holds nothing to free). */
static int
tally_words(PyObject *text, Tally *tally)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (tally_set_up(tally, data, kind) < 0) {
        return -1;
    }
    int status;
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        status = tally_1(data, size, tally);
        break;
    case PyUnicode_2BYTE_KIND:
        status = tally_2(data, size, tally);
        break;
    default:
        status = tally_4(data, size, tally);
        break;
    }
    if (status < 0) {
        tally_free(tally);
    }
    return status;
}

/* word_counts(text): how often each run of word characters (re's \w+) occurs in text, in a dict in
 * the order of first occurrence, as collections.Counter(re.findall(r"\w+", text)) counts them. */
static PyObject *
word_counts(PyObject *module, PyObject *text)
{
    (void)module;
    Tally tally;
    if (!is_readable_text(text, "word_counts") || tally_words(text, &tally) < 0) {
        return NULL;
    }
    PyObject *counts = PyDict_New();
    for (Py_ssize_t n = 0; counts != NULL && n < tally.used; n++) {
        Tallied *tallied = &tally.words[n];
        PyObject *word = PyUnicode_Substring(text, tallied->start, tallied->start + tallied->length);
        PyObject *count = PyLong_FromSsize_t(tallied->count);
        if (word == NULL || count == NULL || PyDict_SetItem(counts, word, count) < 0) {
            Py_CLEAR(counts);
        }
        Py_XDECREF(word);
        Py_XDECREF(count);
    }
    tally_free(&tally);
    return counts;
}

/* word_set(text): the runs of word characters (re's \w+) of text, as a set. */
static PyObject *
word_set(PyObject *module, PyObject *text)
{
    (void)module;
    Tally tally;
    if (!is_readable_text(text, "word_set") || tally_words(text, &tally) < 0) {
        return NULL;
    }
    PyObject *words = PySet_New(NULL);
    for (Py_ssize_t n = 0; words != NULL && n < tally.used; n++) {
        Tallied *tallied = &tally.words[n];
        PyObject *word = PyUnicode_Substring(text, tallied->start, tallied->start + tallied->length);
        if (word == NULL || PySet_Add(words, word) < 0) {
            Py_CLEAR(words);
        }
        Py_XDECREF(word);
    }
    tally_free(&tally);
    return words;
}

/* Whether ASCII character c is one ftfy leaves alone on its own: a tab, a line feed, or printable but
 * "&" (the complement of the characters unusual_characters collects). */
#define PLAIN_ASCII(c) ((c) == '\t' || (c) == '\n' || ((c) >= 0x20 && (c) <= 0x7e && (c) != '&'))

/* Adds each character of size characters of one width at data that is not PLAIN_ASCII to the set
 * result, once (seen marks the characters below 0x10000 already added); -1 on error. */
#define UNUSUAL_OF(NAME, TYPE)                                                                       \
    static int NAME(const void *data, Py_ssize_t size, unsigned char *seen, PyObject *result)        \
    {                                                                                                \
        const TYPE *text_chars = (const TYPE *)data;                                                 \
        for (Py_ssize_t i = 0; i < size; i++) {                                                      \
            Py_UCS4 c = text_chars[i];                                                               \
            if (c < 128 && PLAIN_ASCII(c)) {                                                         \
                continue;                                                                            \
            }                                                                                        \
            if (c < 0x10000) {                                                                       \
                if (seen[c >> 3] & (1 << (c & 7))) {                                                 \
                    continue;                                                                        \
                }                                                                                    \
                seen[c >> 3] |= (unsigned char)(1 << (c & 7));                                       \
            }                                                                                        \
            PyObject *character = PyUnicode_FromOrdinal((int)c);                                     \
            if (character == NULL || PySet_Add(result, character) < 0) {                             \
                Py_XDECREF(character);                                                               \
                return -1;                                                                           \
            }                                                                                        \
            Py_DECREF(character);                                                                    \
        }                                                                                            \
        return 0;                                                                                    \
    }

UNUSUAL_OF(unusual_1, Py_UCS1)
UNUSUAL_OF(unusual_2, Py_UCS2)
UNUSUAL_OF(unusual_4, Py_UCS4)

/* unusual_characters(text): the set of the characters of text that are not a tab, a line feed or a
 * printable ASCII character other than "&": what ftfy could act on, each once. */
static PyObject *
unusual_characters(PyObject *module, PyObject *text)
{
    (void)module;
    if (!is_readable_text(text, "unusual_characters")) {
        return NULL;
    }
    PyObject *result = PySet_New(NULL);
    if (result == NULL) {
        return NULL;
    }
    Py_ssize_t size = PyUnicode_GET_LENGTH(text);
    const void *data = PyUnicode_DATA(text);
    int kind = PyUnicode_KIND(text);
    unsigned char *seen = PyMem_Calloc(kind == PyUnicode_1BYTE_KIND ? 32 : 8192, 1);
    if (seen == NULL) {
        Py_DECREF(result);
        return PyErr_NoMemory();
    }
    int status;
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        status = unusual_1(data, size, seen, result);
        break;
    case PyUnicode_2BYTE_KIND:
        status = unusual_2(data, size, seen, result);
        break;
    default:
        status = unusual_4(data, size, seen, result);
        break;
    }
    PyMem_Free(seen);
    if (status < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyMethodDef module_functions[] = {
    {"word_counts", (PyCFunction)word_counts, METH_O,
     "word_counts(text)\n--\n\nHow often each run of word characters (re's \\w+) occurs in text."},
    {"word_set", (PyCFunction)word_set, METH_O,
     "word_set(text)\n--\n\nThe runs of word characters (re's \\w+) of text, as a set."},
    {"lines_to_try", (PyCFunction)(void (*)(void))lines_to_try, METH_FASTCALL,
     "lines_to_try(text, table)\n--\n\nWhere each line of text starts whose first word table could hold."},
    {"capital_follows", (PyCFunction)capital_follows, METH_O,
     "capital_follows(text)\n--\n\nWhether a Latin-1 capital follows a Latin-1 lowercase letter or . ! ?"},
    {"unusual_characters", (PyCFunction)unusual_characters, METH_O,
     "unusual_characters(text)\n--\n\nThe characters of text but tabs, line feeds and printable ASCII other than &."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef runs_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "textmend.fixers._runs",
    .m_doc = "The lowercase runs of a text, found and looked up in one pass (see textmend.fixers._scan).",
    .m_size = -1,
    .m_methods = module_functions,
};

PyMODINIT_FUNC
PyInit__runs(void)
{
    set_up_classes();
    if (PyType_Ready(&RunTableType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&runs_module);
    if (module == NULL) {
        return NULL;
    }
    Py_INCREF(&RunTableType);
    if (PyModule_AddObject(module, "RunTable", (PyObject *)&RunTableType) < 0) {
        Py_DECREF(&RunTableType);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
