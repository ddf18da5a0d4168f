"""What the tests and the benchmarks share: starting the app on a free port (`server`), a
browser session at Streamlit's protocol level (`stclient`), and the deployment recipe run on
this machine (`stack`). Neither tests/ nor bench/ imports the other; both import this.
Not part of the installed package."""
