/* nt-dialogues.h: regular dialogues with boarders (đối thoại định kỳ)
 *
 * A dialogue is held on a date, chaired by a staff member, with attendees
 * written as text. Each item is a question or wish raised, the school's
 * answer, and who follows it up by when; an item stays open until closed.
 * Dates are ISO 'YYYY-MM-DD'; an item is overdue when open and its due
 * date is before today.
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

#define NT_TYPE_DIALOGUE (nt_dialogue_get_type ())
G_DECLARE_FINAL_TYPE (NtDialogue, nt_dialogue, NT, DIALOGUE, GObject)

struct _NtDialogue
{
  GObject   parent_instance;
  gint64    id;
  char     *held_on;
  gint64    chaired_by;       /* 0 when unknown */
  char     *chair_name;
  char     *attendees;
  char     *note;
  guint     n_items;
  guint     n_open;
};

#define NT_TYPE_DIALOGUE_ITEM (nt_dialogue_item_get_type ())
G_DECLARE_FINAL_TYPE (NtDialogueItem, nt_dialogue_item, NT, DIALOGUE_ITEM, GObject)

struct _NtDialogueItem
{
  GObject   parent_instance;
  gint64    id;
  gint64    dialogue_id;
  char     *held_on;          /* the dialogue's date */
  char     *question;
  char     *answer;
  gint64    follow_up_by;     /* 0 when nobody */
  char     *follow_up_name;
  char     *due_date;         /* NULL when none */
  char     *closed_at;        /* NULL while open */
  gboolean  open;
  gboolean  overdue;          /* open and due before the day it was read for */
};

typedef struct
{
  const char *held_on;
  gint64      chaired_by;     /* 0: nobody named */
  const char *attendees;      /* nullable */
  const char *note;           /* nullable */
} NtDialogueInput;

typedef struct
{
  const char *question;
  const char *answer;         /* nullable */
  gint64      follow_up_by;   /* 0: nobody yet */
  const char *due_date;       /* nullable */
} NtDialogueItemInput;

gint64      nt_dialogues_create      (NtStore                    *store,
                                      const NtDialogueInput      *input,
                                      GError                    **error);
gboolean    nt_dialogues_update      (NtStore                    *store,
                                      gint64                      dialogue_id,
                                      const NtDialogueInput      *input,
                                      GError                    **error);
gint64      nt_dialogues_add_item    (NtStore                    *store,
                                      gint64                      dialogue_id,
                                      const NtDialogueItemInput  *input,
                                      GError                    **error);
gboolean    nt_dialogues_update_item (NtStore                    *store,
                                      gint64                      item_id,
                                      const NtDialogueItemInput  *input,
                                      GError                    **error);
gboolean    nt_dialogues_close_item  (NtStore                    *store,
                                      gint64                      item_id,
                                      const char                 *date,
                                      GError                    **error);
gboolean    nt_dialogues_reopen_item (NtStore                    *store,
                                      gint64                      item_id,
                                      GError                    **error);

GListStore *nt_dialogues_list        (NtStore                    *store,
                                      GError                    **error);
NtDialogue *nt_dialogues_load        (NtStore                    *store,
                                      gint64                      dialogue_id,
                                      GError                    **error);
GListStore *nt_dialogues_items       (NtStore                    *store,
                                      gint64                      dialogue_id,
                                      const char                 *today,
                                      GError                    **error);
GListStore *nt_dialogues_open_items  (NtStore                    *store,
                                      const char                 *today,
                                      GError                    **error);
guint       nt_dialogues_count_open  (NtStore                    *store);

G_END_DECLS
