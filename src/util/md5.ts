// MD5 of a string's UTF-8 bytes as 32 hex digits. spark-md5 runs in Node and in browsers alike
// (node:crypto would keep the browser build out); nasbench's graph hash is built from it. ASCII
// text is its own UTF-8, so it skips spark-md5's encoding step (most of the time of a short hash).
import SparkMD5 from "spark-md5";

const ASCII = /^[\x00-\x7f]*$/;

export function md5(text: string): string {
  return ASCII.test(text) ? SparkMD5.hashBinary(text) : SparkMD5.hash(text);
}
