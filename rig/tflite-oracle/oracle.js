// TFLite's interpreter (the WASM build in @tensorflow/tfjs-tflite) as an oracle for the rig's int8 models.
// Usage: node oracle.js <model.tflite> <inputs.bin>
//   inputs.bin: the model input's int8 values for N runs, back to back (N * input elements bytes).
// Prints one JSON object: {"inputShape":[..],"outputShape":[..],"inputType":"int8","outputType":"int8","outputs":[[..],..]}.
// Errors: one line on stderr, exit 2.
//
// The package is written for browsers: it loads its emscripten module with importScripts from a web
// worker and fetches the .wasm. Node is given just enough of a worker's globals for that loader: an
// importScripts that evaluates the file, and the .wasm bytes handed to the module factory directly.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

function fail(message) {
  process.stderr.write(`tflite-oracle: ${message}\n`);
  process.exit(2);
}

const [modelPath, inputsPath] = process.argv.slice(2);
if (!modelPath || !inputsPath) fail('usage: node oracle.js <model.tflite> <inputs.bin>');

globalThis.self = globalThis;
self.location = { origin: '', href: __filename };
globalThis.importScripts = (file) => {
  vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
  const factory = self.tflite_web_api_ModuleFactory;
  self.tflite_web_api_ModuleFactory = (options) => factory({ ...options, wasmBinary: fs.readFileSync(file.replace(/\.js$/, '.wasm')) });
};
// Without MessageChannel the loader picks the single-threaded build (the threaded one needs real workers).
delete globalThis.MessageChannel;

require('@tensorflow/tfjs-backend-cpu');
const tflite = require('@tensorflow/tfjs-tflite');

(async () => {
  tflite.setWasmPath(path.join(path.dirname(require.resolve('@tensorflow/tfjs-tflite/package.json')), 'wasm') + '/');
  const modelBytes = fs.readFileSync(modelPath);
  let model;
  try {
    model = await tflite.loadTFLiteModel(modelBytes.buffer.slice(modelBytes.byteOffset, modelBytes.byteOffset + modelBytes.length), { numThreads: 1 });
  } catch (e) {
    fail(`TFLite refused ${modelPath}: ${e && e.message ? e.message : e}`);
  }
  const runner = model.modelRunner;
  const inputs = runner.getInputs();
  const outputs = runner.getOutputs();
  if (inputs.length !== 1 || outputs.length !== 1) fail(`${modelPath}: ${inputs.length} inputs and ${outputs.length} outputs, the oracle runs one of each`);
  const input = inputs[0];
  const output = outputs[0];
  const size = input.data().length;
  const bytes = fs.readFileSync(inputsPath);
  if (size === 0 || bytes.length % size !== 0) fail(`${inputsPath}: ${bytes.length} bytes is not a whole number of inputs of ${size} values`);
  const runs = [];
  for (let offset = 0; offset < bytes.length; offset += size) {
    // data() is a typed view of the interpreter's own tensor in WASM memory: write the int8 values in place.
    input.data().set(new Int8Array(bytes.buffer, bytes.byteOffset + offset, size));
    if (!runner.infer()) fail(`${modelPath}: inference ${runs.length} failed`);
    runs.push(Array.from(output.data()));
  }
  const shape = (t) => t.shape.split(',').map(Number);
  process.stdout.write(JSON.stringify({ inputShape: shape(input), outputShape: shape(output), inputType: input.dataType, outputType: output.dataType, outputs: runs }) + '\n');
})().catch((e) => fail(e && e.stack ? e.stack : String(e)));
