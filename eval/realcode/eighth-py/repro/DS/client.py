# DS: a bcrypt hash of the submitted secret compared with the stored hash (fides api/models/client.py:222,
# fides_user_password_reset.py:73). The attacker cannot steer the hash's bytes, so the timing leaks nothing usable.
import bcrypt


class ClientDetail:
    def credentials_valid(self, provided_secret: str) -> bool:
        provided_secret_hash = bcrypt.hashpw(provided_secret.encode(), self.salt.encode()).hex()
        return provided_secret_hash == self.hashed_secret


class PasswordReset:
    def token_valid(self, token: str) -> bool:
        token_hash = bcrypt.hashpw(token.encode(), self.salt.encode()).hex()
        return token_hash == self.hashed_token
