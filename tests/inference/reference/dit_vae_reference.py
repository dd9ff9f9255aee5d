#!/usr/bin/python3
"""Independent reference for tst_model_network: one DiT block and two VAE blocks, written from the model
description (not from the C++), run on the weights and inputs the C++ test wrote.

Usage: dit_vae_reference.py DIR. DIR holds manifest.json ({name: shape}) and NAME.bin files (raw little-endian
float32). Writes dit_out.bin, enc_out.bin, dec_out.bin into DIR.
"""
import json
import math
import os
import struct
import sys

import torch
import torch.nn.functional as F


def load(folder):
    with open(os.path.join(folder, "manifest.json")) as f:
        manifest = json.load(f)
    tensors = {}
    for name, shape in manifest.items():
        with open(os.path.join(folder, name + ".bin"), "rb") as f:
            data = bytearray(f.read())
        tensors[name] = torch.frombuffer(data, dtype=torch.float32).reshape(shape).clone()
    return tensors


def save_raw(folder, name, t):
    flat = t.contiguous().to(torch.float32).reshape(-1).tolist()
    with open(os.path.join(folder, name + ".bin"), "wb") as f:
        f.write(struct.pack("<%df" % len(flat), *flat))


# ---- DiT block -------------------------------------------------------------------------------------------
def linear(W, prefix, x):
    return F.linear(x, W[prefix + ".weight"], W[prefix + ".bias"])


def rope(x):
    # x: [B, H, N, D]; pairs (i, i + D/2) rotate by angle pos * 10000^(-i/(D/2)).
    n, d = x.shape[2], x.shape[3]
    half = d // 2
    inv = torch.tensor([10000.0 ** (-i / half) for i in range(half)], dtype=torch.float64)
    ang = torch.arange(n, dtype=torch.float64)[:, None] * inv[None, :]
    cos, sin = torch.cos(ang).float(), torch.sin(ang).float()
    a, b = x[..., :half], x[..., half:]
    return torch.cat([a * cos - b * sin, b * cos + a * sin], dim=-1)


def mha(W, prefix, x, kv, heads, mask=None, rotary=False):
    B, N, width = x.shape
    L = kv.shape[1]
    d = width // heads
    q = linear(W, prefix + ".q", x).reshape(B, N, heads, d).permute(0, 2, 1, 3)
    k = linear(W, prefix + ".k", kv).reshape(B, L, heads, d).permute(0, 2, 1, 3)
    v = linear(W, prefix + ".v", kv).reshape(B, L, heads, d).permute(0, 2, 1, 3)
    if rotary:
        q, k = rope(q), rope(k)
    logits = torch.einsum("bhnd,bhld->bhnl", q, k) / math.sqrt(d)
    if mask is not None:
        logits = logits.masked_fill(~mask[:, None, None, :], float("-inf"))
    out = torch.einsum("bhnl,bhld->bhnd", logits.softmax(-1), v)
    return linear(W, prefix + ".out", out.permute(0, 2, 1, 3).reshape(B, N, width))


def dit_block(W, x, c, text, mask, heads):
    width = x.shape[-1]
    mod = linear(W, "dit.ada", c * torch.sigmoid(c))  # SiLU
    shift1, scale1, gate1, shift2, scale2, gate2 = [m[:, None, :] for m in mod.split(width, dim=-1)]
    ln = lambda t: F.layer_norm(t, (width,), eps=1e-6)
    h = ln(x) * (1 + scale1) + shift1
    x = x + gate1 * mha(W, "dit.attn", h, h, heads, rotary=True)
    h = F.layer_norm(x, (width,), W["dit.norm2.weight"], W["dit.norm2.bias"], eps=1e-6)
    x = x + mha(W, "dit.cross", h, text, heads, mask=mask)
    h = ln(x) * (1 + scale2) + shift2
    hidden = F.gelu(linear(W, "dit.mlp.fc1", h), approximate="tanh")
    return x + gate2 * linear(W, "dit.mlp.fc2", hidden)


# ---- VAE blocks ------------------------------------------------------------------------------------------
def snake(x, alpha):
    return x + (1.0 / (alpha + 1e-9)) * torch.sin(alpha * x) ** 2


def residual_unit(W, p, x, dilation):
    h = snake(x, W[p + ".snake1.alpha"])
    h = F.conv1d(h, W[p + ".conv1.weight"], W[p + ".conv1.bias"], padding=3 * dilation, dilation=dilation)
    h = snake(h, W[p + ".snake2.alpha"])
    h = F.conv1d(h, W[p + ".conv2.weight"], W[p + ".conv2.bias"])
    return x + h


def encoder_block(W, x, stride, dilations):
    for i, d in enumerate(dilations):
        x = residual_unit(W, "enc.units.%d" % i, x, d)
    x = snake(x, W["enc.snake.alpha"])
    return F.conv1d(x, W["enc.down.weight"], W["enc.down.bias"], stride=stride, padding=math.ceil(stride / 2))


def decoder_block(W, x, stride, dilations):
    x = snake(x, W["dec.snake.alpha"])
    x = F.conv_transpose1d(x, W["dec.up.weight"], W["dec.up.bias"], stride=stride,
                           padding=math.ceil(stride / 2), output_padding=stride % 2)
    for i, d in enumerate(dilations):
        x = residual_unit(W, "dec.units.%d" % i, x, d)
    return x


def main():
    folder = sys.argv[1]
    W = load(folder)
    with torch.no_grad():
        dit = dit_block(W, W["dit_in.x"], W["dit_in.c"], W["dit_in.text"], W["dit_in.mask"] > 0.5, heads=4)
        enc = encoder_block(W, W["enc_in"], 4, [1, 3, 9])
        dec = decoder_block(W, W["dec_in"], 3, [1, 3, 9])
    save_raw(folder, "dit_out", dit)
    save_raw(folder, "enc_out", enc)
    save_raw(folder, "dec_out", dec)
    print("reference: dit", tuple(dit.shape), "enc", tuple(enc.shape), "dec", tuple(dec.shape))


if __name__ == "__main__":
    main()
