/* textmend.fixers._runs: the lowercase runs of a text, found and looked up in one pass.
 *
 * The compiled half of textmend.fixers._scan, which holds the pure-Python half and says which one is
 * active. A run is what the Latin-1 patterns of _scan find: four to forty lowercase letters of
 * Latin-1 (a-z, the micro sign, U+00DF-U+00FF but U+00F7) after a character that is not a Latin-1
 * letter (or at the start of the text); a longer run counts as its first forty letters. Every other
 * character, whatever its code point, is not a letter here, exactly as in the patterns.
 *
 * RunTable(words) holds the words that could be runs, in an open-addressing hash table of Latin-1
 * bytes, so that a text's runs are looked up without making a Python string for each: only the runs
 * a caller asks for become objects.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define MIN_RUN 4
#define MAX_RUN 40

static inline int
is_lower(Py_UCS4 c)
{
    return (c >= 'a' && c <= 'z') || c == 0xB5 || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

static inline int
is_upper(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
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
    PyObject_HEAD
    Py_ssize_t mask;       /* slots - 1; slots is a power of two, at least twice the words */
    Py_ssize_t count;      /* words held */
    uint32_t *hashes;      /* per slot */
    uint32_t *offsets;     /* per slot: where the word starts in pool */
    unsigned char *lengths; /* per slot: 0 for an empty slot */
    unsigned char *pool;   /* the words' bytes, one after another */
} RunTable;

/* The slot that holds the run, or the empty slot where it would go. */
static Py_ssize_t
slot_of(const RunTable *table, const unsigned char *chars, Py_ssize_t length, uint32_t hash)
{
    Py_ssize_t slot = (Py_ssize_t)hash & table->mask;
    while (table->lengths[slot] != 0) {
        if (table->hashes[slot] == hash && table->lengths[slot] == length
            && memcmp(table->pool + table->offsets[slot], chars, (size_t)length) == 0) {
            return slot;
        }
        slot = (slot + 1) & table->mask;
    }
    return slot;
}

static inline int
holds(const RunTable *table, const unsigned char *chars, Py_ssize_t length)
{
    return table->lengths[slot_of(table, chars, length, hash_of(chars, length))] != 0;
}

/* Whether the str word could be a run, and then its Latin-1 bytes in chars. */
static int
as_run(PyObject *word, unsigned char *chars, Py_ssize_t *length)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(word);
    if (size < MIN_RUN || size > MAX_RUN) {
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
    PyMem_Free(self->hashes);
    PyMem_Free(self->offsets);
    PyMem_Free(self->lengths);
    PyMem_Free(self->pool);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
RunTable_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *iterable;
    static char *keywords[] = {"words", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:RunTable", keywords, &iterable)) {
        return NULL;
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
    self->hashes = PyMem_Calloc((size_t)slots, sizeof(uint32_t));
    self->offsets = PyMem_Calloc((size_t)slots, sizeof(uint32_t));
    self->lengths = PyMem_Calloc((size_t)slots, 1);
    self->pool = PyMem_Malloc((size_t)(total * MAX_RUN + 1));
    if (!self->hashes || !self->offsets || !self->lengths || !self->pool) {
        Py_DECREF(words);
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    uint32_t used = 0;
    unsigned char chars[MAX_RUN];
    for (Py_ssize_t i = 0; i < total; i++) {
        Py_ssize_t length;
        if (!as_run(PyList_GET_ITEM(words, i), chars, &length)) {
            continue; /* never equal to a run: not worth a slot */
        }
        uint32_t hash = hash_of(chars, length);
        Py_ssize_t slot = slot_of(self, chars, length, hash);
        if (self->lengths[slot] != 0) {
            continue;
        }
        memcpy(self->pool + used, chars, (size_t)length);
        self->hashes[slot] = hash;
        self->offsets[slot] = used;
        self->lengths[slot] = (unsigned char)length;
        used += (uint32_t)length;
        self->count++;
    }
    Py_DECREF(words);
    return (PyObject *)self;
}

/* Calls found(table, text, start, chars, length, result) for each run of text, in order; -1 on error. */
typedef int (*RunCallback)(const RunTable *, Py_ssize_t, const unsigned char *, Py_ssize_t, PyObject *);

static int
each_run(const RunTable *table, PyObject *text, RunCallback found, PyObject *result)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    unsigned char chars[MAX_RUN];
    int after_letter = 0;
    Py_ssize_t i = 0;
    while (i < size) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (is_lower(c) && !after_letter) {
            Py_ssize_t start = i, length = 0;
            while (i < size && is_lower(c = PyUnicode_READ(kind, data, i))) {
                if (length < MAX_RUN) {
                    chars[length] = (unsigned char)c;
                }
                length++;
                i++;
            }
            if (length >= MIN_RUN && found(table, start, chars, length > MAX_RUN ? MAX_RUN : length, result) < 0) {
                return -1;
            }
            after_letter = 1;
            continue;
        }
        after_letter = is_lower(c) || is_upper(c);
        i++;
    }
    return 0;
}

static int
add_if_missing(const RunTable *table, Py_ssize_t start, const unsigned char *chars, Py_ssize_t length,
               PyObject *result)
{
    (void)start;
    if (holds(table, chars, length)) {
        return 0;
    }
    PyObject *run = PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, chars, length);
    if (run == NULL) {
        return -1;
    }
    int status = PySet_Add(result, run);
    Py_DECREF(run);
    return status;
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

static PyObject *
RunTable_missing(RunTable *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "missing() reads a str, not %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (ready(text) < 0) {
        return NULL;
    }
    PyObject *result = PySet_New(NULL);
    if (result == NULL) {
        return NULL;
    }
    if (each_run(self, text, add_if_missing, result) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
RunTable_starts(RunTable *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "starts() reads a str, not %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (ready(text) < 0) {
        return NULL;
    }
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    if (each_run(self, text, append_if_held, result) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static Py_ssize_t
RunTable_length(RunTable *self)
{
    return self->count;
}

static PyMethodDef RunTable_methods[] = {
    {"missing", (PyCFunction)RunTable_missing, METH_O,
     "missing(text)\n--\n\nThe distinct runs of text that the table does not hold, as a set."},
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
    .tp_doc = "RunTable(words)\n--\n\nThe words that could be lowercase runs, for looking runs up in C.",
    .tp_methods = RunTable_methods,
    .tp_as_sequence = &RunTable_as_sequence,
    .tp_new = RunTable_new,
};

static struct PyModuleDef runs_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "textmend.fixers._runs",
    .m_doc = "The lowercase runs of a text, found and looked up in one pass (see textmend.fixers._scan).",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit__runs(void)
{
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
