const axios = require('axios');

class ApiClient {
  constructor({ apiKey, baseURL = 'https://api.example.io' }) {
    this.http = axios.create({ baseURL, headers: { Authorization: `Bearer ${apiKey}` } }); // expect: missing-timeout
    this.uploads = axios.create({ baseURL: 'https://uploads.example.io', timeout: 60000 });
  }

  async getProject(id) {
    const { data } = await this.http.get(`/projects/${id}`);
    return data;
  }

  async upload(file) {
    const { data } = await this.uploads.post('/files', file);
    return data;
  }
}

const defaultClient = new ApiClient({
  apiKey: process.env.EXAMPLE_API_KEY || 'ex_live_4f9a8b7c6d5e4f3a2b1c', // expect: hardcoded-credential
});
const sandboxClient = new ApiClient({ apiKey: process.env.EXAMPLE_SANDBOX_KEY || 'YOUR_API_KEY' });

module.exports = { ApiClient, defaultClient, sandboxClient };
