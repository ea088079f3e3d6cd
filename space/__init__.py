"""The Gradio Space, exactly as deployed (app.py, requirements.txt, README.md)."""
