# DA: dev/e2e-only set-up, connected to post_migrate only in the dev and e2e settings modules
# (baserow backend/src/baserow/config/settings/utils.py:37 and :55).
from loguru import logger


def setup_dev_e2e_users(user_handler):
    password = "testpassword"
    for email in ["dev@baserow.io", "e2e@baserow.io"]:
        user = user_handler.create_user(f"staff-{email.split('@')[0]}", email, password)
        logger.info(f"Created staff user: {user.email} with password: {password}")
