import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string, filename = 'shop/settings/production.py') => ({ code, filename });

// Real-code set 5, class D10: an enumeration member's value is a mode name (`username-password`).
ruleTester('hardcoded-credential', {
  valid: [
    {
      ...py(`from enum import Enum\nimport enum\nfrom django.db import models\nclass AuthMethods(Enum):\n    username_and_password = "username-password"\n    api_token = "api-token-header"\nclass Kind(str, enum.Enum):\n    CLIENT_SECRET = "client-secret-post"\nclass Field(models.TextChoices):\n    PASSWORD = "pwd-field", "Password"`, 'lnbits/core/models.py'),
      name: 'members of Enum, str-mixed enum.Enum and Django TextChoices classes',
    },
  ],
  invalid: [
    {
      ...py(`from enum import Enum\nclass AuthMethods(Enum):\n    TOKEN = "token"\n\n    def login(self):\n        password = "k9Xq2LmP7vR4tZ8w"\n        return password\nclass Settings:\n    db_password = "k9Xq2LmP7vR4tZ8w"`, 'lnbits/core/models.py'),
      errors: [
        { line: 6, message: /in `password`/, suggestions: [{ messageId: 'useVariable', output: `import os\nfrom enum import Enum\nclass AuthMethods(Enum):\n    TOKEN = "token"\n\n    def login(self):\n        password = os.environ["PASSWORD"]\n        return password\nclass Settings:\n    db_password = "k9Xq2LmP7vR4tZ8w"` }] },
        { line: 9, message: /in `db_password`/, suggestions: [{ messageId: 'useVariable', output: `import os\nfrom enum import Enum\nclass AuthMethods(Enum):\n    TOKEN = "token"\n\n    def login(self):\n        password = "k9Xq2LmP7vR4tZ8w"\n        return password\nclass Settings:\n    db_password = os.environ["DB_PASSWORD"]` }] },
      ],
      name: "a method's local in an enum, and an attribute of a class that is no enum, are bindings still",
    },
  ],
});

// Blind set python6: a subscript assignment with a credential-named key binds the value as a dict
// entry does (contract, Python: `DATABASES[...]["PASSWORD"]`), and an `Authorization` key takes a
// header literal as `headers.update({"Authorization": …})` does.
ruleTester('hardcoded-credential', {
  valid: [
    { ...py(`DATABASES["default"]["HOST"] = "db.prod.example.com"\nCONF["db_password"] = os.environ["DB_PASSWORD"]\nok = CONF["api_token"] == "k9Xq2LmP7vR4tZ8w"\nCONF["password"] = "<your-password>"`), name: 'other keys, values from the environment, comparisons and placeholders' },
  ],
  invalid: [
    { ...py(`from .base import DATABASES\nDATABASES["default"]["PASSWORD"] = "Pr0d-Db-x83kfQ2mZ"`), errors: [{ line: 2, message: /in `PASSWORD`/, suggestions: [{ messageId: 'useVariable', output: `import os\nfrom .base import DATABASES\nDATABASES["default"]["PASSWORD"] = os.environ["PASSWORD"]` }] }], name: 'a Django settings password set by subscript' },
    { ...py(`CONF = {}\nCONF[ 'db_password' ] = 'k9Xq2LmP7vR4tZ8w'`), errors: [{ line: 2, message: /in `db_password`/, suggestions: [{ messageId: 'useVariable', output: `import os\nCONF = {}\nCONF[ 'db_password' ] = os.environ['DB_PASSWORD']` }] }], name: 'a credential-named key set by subscript, with blanks in the brackets' },
    {
      ...py(`import requests\nclass StagingClient(requests.Session):\n    def __init__(self):\n        super().__init__()\n        self.headers["Authorization"] = "Bearer 2b7f9c41d8e0a3f6b5c2d9e8"`, 'httpclients/api_client.py'),
      errors: [{ line: 5, message: /Authorization header/ }],
      name: 'an Authorization literal set on a session by subscript',
    },
  ],
});

// Blind set python8: a field declared with a literal default binds the attribute to that literal, as
// `api_key: str = "<literal>"` does, and as a settings reader's fallback (contract, Python: annotated
// class attributes; a literal fallback is a hardcoded credential).
ruleTester('hardcoded-credential', {
  valid: [
    {
      ...py(`from dataclasses import dataclass, field\nfrom pydantic import BaseModel, Field\nclass Partner(BaseModel):\n    username: str = Field(default="k9Xq2LmP7vR4tZ8w")\n    api_key: str = Field(default="", alias="PARTNER_API_KEY")\n    client_secret: str = Field(description="the partner's client secret")\n    token: str | None = Field(default=None)\n@dataclass\nclass Mail:\n    password: str = field(default_factory=lambda: os.environ["SMTP_PASSWORD"])\n    api_token: str = field(default="<set-in-vault>")`),
      name: 'a default under a name that is no credential, empty, absent, None, from a factory, or a placeholder',
    },
  ],
  invalid: [
    {
      ...py(`import attr\nfrom dataclasses import dataclass, field\nfrom pydantic import BaseModel, Field\nclass Partner(BaseModel):\n    api_key: str = Field(default="pk-9f8e7d6c5b4a3f2e1d0c9b8a", alias="PARTNER_API_KEY")\n    client_secret: str = Field("Zr7vQ2mK9xLp4Tn8")\n@dataclass\nclass Mail:\n    smtp_password: str = field(default="k9Xq2LmP7vR4tZ8w")\n@attr.s\nclass Hook:\n    signing_secret = attr.ib(default="Qm4xT8vLz2Rk9Wp3")`),
      errors: [{ line: 5, message: /in `api_key`/ }, { line: 6, message: /in `client_secret`/ }, { line: 9, message: /in `smtp_password`/ }, { line: 12, message: /in `signing_secret`/ }],
      name: 'pydantic, dataclasses and attrs fields declared with a literal default',
    },
  ],
});
