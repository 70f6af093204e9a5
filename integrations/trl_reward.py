"""TRL GRPOTrainer reward function backed by `clinalign serve` (standard library only).

    from trl_reward import rubric_reward
    trainer = GRPOTrainer(..., reward_funcs=[rubric_reward], train_dataset=dataset)

The dataset needs a `prompt_id` column (ids of the rl.jsonl the server loaded with --data) or a `rubrics`
column (a list of {criterion, points, tags}, or its JSON string). One request scores the whole batch.
Environment: CLINALIGN_URL (default http://127.0.0.1:8765), CLINALIGN_SERVE_TOKEN.
"""
import json
import os
import urllib.request

URL = os.environ.get("CLINALIGN_URL", "http://127.0.0.1:8765").rstrip("/")
TOKEN = os.environ.get("CLINALIGN_SERVE_TOKEN", "")
TIMEOUT_S = float(os.environ.get("CLINALIGN_TIMEOUT_S", "170"))


def _post(path, body):
    headers = {"Content-Type": "application/json"}
    if TOKEN:
        headers["Authorization"] = "Bearer " + TOKEN
    request = urllib.request.Request(URL + path, data=json.dumps(body).encode("utf-8"), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
        return json.loads(response.read().decode("utf-8"))


def _text(value):
    """A completion or prompt as text: TRL passes strings, or lists of {role, content} (conversational)."""
    if isinstance(value, str):
        return value
    return "".join(m.get("content", "") for m in value if m.get("role") == "assistant") or "".join(m.get("content", "") for m in value)


def _messages(prompt):
    return [{"role": "user", "content": prompt}] if isinstance(prompt, str) else [dict(role=m["role"], content=m["content"]) for m in prompt]


def rubric_reward(prompts, completions, prompt_id=None, rubrics=None, **kwargs):
    """HealthBench example scores (unclipped), one per completion."""
    labels = []
    for i, prompt in enumerate(prompts):
        if rubrics is not None and rubrics[i] is not None:
            items = json.loads(rubrics[i]) if isinstance(rubrics[i], str) else rubrics[i]
            labels.append({"prompt": _messages(prompt), "rubrics": items})
        elif prompt_id is not None:
            labels.append(prompt_id[i])
        else:
            raise ValueError("rubric_reward needs a prompt_id or rubrics column in the dataset")
    # Empty prompts: the whole query is the response (no chat template to cut off).
    reply = _post("/get_reward", {"query": [_text(c) for c in completions], "prompts": [""] * len(completions), "labels": labels})
    return reply["rewards"]
