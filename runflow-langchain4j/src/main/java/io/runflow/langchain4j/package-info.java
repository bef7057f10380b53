/**
 * Runflow as a LangChain4j image model: {@link io.runflow.langchain4j.RunflowImageModel}, an {@code
 * ImageModel} and {@code BatchImageModel} built with {@code RunflowImageModel.builder().client(..)}.
 */
package io.runflow.langchain4j;
