# DD: credential-word names that hold no secret (warehouse sessions.py:76 a session-dict key name;
# accounts/views.py:547 a user id read from a signed token; oncall telegram channel_to_group_forward.py:81
# Telegram's author_signature is the poster's display name).
class Session(dict):
    _totp_secret_key = "_totp_secret"


def check_remember_device(data, user_id):
    user_id_token = data.get("user_id")
    return user_id_token == str(user_id)


def is_from_bot(message, bot_info):
    if message.forward_origin.author_signature != bot_info.first_name:
        return False
    return True
