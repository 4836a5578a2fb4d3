const jwt = require('jsonwebtoken');

module.exports = (req, res) => {
  const claims = jwt.decode(req.cookies.session); // expect: jwt-unverified
  res.json({ user: claims && claims.sub });
};
