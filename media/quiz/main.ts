// The quiz webview comes with the quiz feature.
