# DB: demo/test data creator kept outside tests/ (ckan ckan/lib/create_test_data.py:61, 463-469).
from ckan import model


def create_test_user():
    tester = model.User(name=u'tester', password=u'tester')              # hardcoded-credential (error)
    sysadmin = model.User(name=u'testsysadmin', password=u'testsysadmin')  # hardcoded-credential (error)
    return tester, sysadmin
