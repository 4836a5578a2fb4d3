# DQ: Celery task excepts that skip deliberately (baserow contrib/database/views/tasks.py:42,44;
# core/notifications/tasks.py:104).
import traceback

from celery import Celery
from django.db import DatabaseError

app = Celery()


class ViewDoesNotExist(Exception):
    pass


class DuplicateTaskError(Exception):
    pass


@app.task
def update_view_index(view_id, handler):
    try:
        handler.update_index_by_view_id(view_id)
    except ViewDoesNotExist:
        return  # the view was deleted meanwhile
    except DatabaseError:
        if "could not obtain lock on" in traceback.format_exc():
            handler.set_pending_view_index_update(view_id)


@app.task
def beat_send_instant_notifications(singleton_task, logger):
    try:
        singleton_task.delay()
    except DuplicateTaskError:
        logger.error("already running")
