# DQ (hints): a Celery task that records the failure on the privacy request in the database, or leaves on a
# control-flow exception (fides privacy_request/request_runner_service.py:756,797,1025).
from celery import shared_task


class PrivacyRequestExit(Exception):
    pass


@shared_task
def run_privacy_request(privacy_request_id):
    privacy_request = load(privacy_request_id)
    try:
        run_access_request(privacy_request)
    except PrivacyRequestExit:
        return
    except BaseException as exc:
        privacy_request.add_error_execution_log(str(exc))
        privacy_request.error_processing()
