# DA: a one-off admin command with a dry-run mode (ecommerce catalogue/management/commands/migrate_course.py:89,
# update_course_seat_expire.py:103).
import requests
from django.core.management import BaseCommand


class Command(BaseCommand):
    help = "Migrate course modes and pricing from LMS to Oscar."

    def handle(self, *args, **options):
        response = requests.get(options["lms_url"] + "/api/enrollment/v1/course/x/")
        if response.status_code != 200:
            raise Exception("Unable to retrieve course modes")
