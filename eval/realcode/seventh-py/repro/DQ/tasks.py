# DQ (hint): a Celery task records the failure itself (IntelOwl intel_owl/tasks.py:263; DefectDojo notifications/tasks.py:117).
import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(soft_time_limit=100)
def job_pipeline(job_id):
    from api_app.models import Job

    job = Job.objects.get(pk=job_id)
    try:
        job.execute()
    except Exception as e:
        logger.exception(e)
        for report in job.reports.all():
            report.status = "FAILED"
            report.save()
