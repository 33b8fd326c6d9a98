"""Functions that misbehave on purpose, for rnnx check's tests of its child process."""

import os
import sys

import numpy as np


def forever(inputs, h0, Wx, Wh, b):
    while True:
        pass


def allocate(inputs, h0, Wx, Wh, b):
    hoard = []
    while True:
        hoard.append(np.ones(2**24))  # 128 MiB a step


def exits(inputs, h0, Wx, Wh, b):
    sys.exit(3)


def raises(inputs, h0, Wx, Wh, b):
    return helper(inputs)


def helper(inputs):
    raise ValueError("student's own error")


def hard_exit(inputs, h0, Wx, Wh, b):
    os._exit(7)


def returns_none(inputs, h0, Wx, Wh, b):
    return None


def returns_text(inputs, h0, Wx, Wh, b):
    return "hello"


not_a_function = 3


def returns_nan(inputs, h0, Wx, Wh, b):
    return np.full((len(inputs), len(h0)), np.nan)


def returns_ragged(inputs, h0, Wx, Wh, b):
    return [np.zeros(3), np.zeros(4)]
